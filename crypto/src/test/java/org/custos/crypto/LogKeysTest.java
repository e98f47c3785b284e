package org.custos.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LogKeysTest {
  private final InMemoryRootKeyProvider root = new InMemoryRootKeyProvider(new InMemoryRootKeyProvider.Store());
  private final KeyHierarchy hierarchy = new KeyHierarchy(root);

  @Test
  void signature_isPlainEd25519_thatTheJdkVerifies() throws Exception {
    LogKeys keys = hierarchy.openLogKeys(hierarchy.createLogKeys());
    byte[] message = "example.org/log\n4\nabc=\n".getBytes(UTF_8);
    byte[] signature = keys.sign(message);
    assertThat(signature).hasSize(64);
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(jdkKey(keys.publicKey()));
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
    verifier.initVerify(jdkKey(keys.publicKey()));
    verifier.update("example.org/log\n5\nabc=\n".getBytes(UTF_8));
    assertThat(verifier.verify(signature)).isFalse();
  }

  @Test
  void reopenedAndRewrappedKeys_areTheSameKeys() {
    WrappedKey wrapped = hierarchy.createLogKeys();
    LogKeys first = hierarchy.openLogKeys(wrapped);
    byte[] sealed = first.seal("entry".getBytes(UTF_8), "ad".getBytes(UTF_8));
    root.rotate();
    WrappedKey rewrapped = hierarchy.rewrapLogKeys(wrapped);
    assertThat(rewrapped.wrappedBy()).isNotEqualTo(wrapped.wrappedBy());
    LogKeys again = hierarchy.openLogKeys(rewrapped);
    assertThat(again.publicKey()).isEqualTo(first.publicKey());
    assertThat(again.open(sealed, "ad".getBytes(UTF_8))).isEqualTo("entry".getBytes(UTF_8));
    assertThat(again.toString()).doesNotContain(HexFormat.of().formatHex(first.publicKey()));
  }

  @Test
  void sealedEntry_withOtherAssociatedData_doesNotOpen() {
    LogKeys keys = hierarchy.openLogKeys(hierarchy.createLogKeys());
    byte[] sealed = keys.seal("entry".getBytes(UTF_8), "leaf/1".getBytes(UTF_8));
    assertThatThrownBy(() -> keys.open(sealed, "leaf/2".getBytes(UTF_8))).isInstanceOf(IntegrityException.class);
  }

  @Test
  void serviceKeys_doNotOpenAsLogKeys() {
    WrappedKey service = hierarchy.createServiceKeys();
    assertThatThrownBy(() -> hierarchy.openLogKeys(service)).isInstanceOf(IntegrityException.class);
  }

  private static PublicKey jdkKey(byte[] raw) throws Exception {
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] encoded = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, encoded, 0, prefix.length);
    System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }
}
