package org.custos.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * C2SP tlog-cosignature v1. The known-answer vector below was computed outside Java (Python
 * {@code cryptography}, i.e. OpenSSL's Ed25519) with the RFC 8032 section 7.1 TEST 1 key:
 * key id = SHA-256("witness.example/w1\n" ‖ 0x04 ‖ public key)[:4], signature =
 * Ed25519("cosignature/v1\ntime 1764100900\n" ‖ checkpoint text), line value =
 * base64(key id ‖ u64be(1764100900) ‖ signature).
 */
class CosignatureTest {
  static final byte[] RFC8032_TEST1_SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  static final byte[] RFC8032_TEST1_PUBLIC =
      HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  static final String WITNESS_VKEY = "witness.example/w1+eb762cc2+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea";
  static final String CHECKPOINT =
      "custos.example/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\ntime 1764100862\n";
  static final long TIME = 1764100900L;
  static final String LINE = "\u2014 witness.example/w1 63YswgAAAABpJgskTAVwrDbXR5a8fTwb48zPUwv96LlNQe5YYoAojY9W"
      + "BYqHrUC7fMkAkoT4xnQ0FedwMZUHVWGwLcLIlx7qEfAeAw==\n";

  static byte[] pkcs8(byte[] seed) {
    byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
    byte[] out = java.util.Arrays.copyOf(prefix, prefix.length + 32);
    System.arraycopy(seed, 0, out, prefix.length, 32);
    return out;
  }

  @Test
  void theFixedKeyVector_isSignedAndVerified_asComputedOutsideJava() {
    NoteKeyPair witness = NoteKeyPair.witnessKey("witness.example/w1", pkcs8(RFC8032_TEST1_SEED));

    NoteSignature signature = witness.cosign(CHECKPOINT, TIME);
    SignedNote note = SignedNote.parse(CHECKPOINT + "\n" + LINE);

    assertThat(witness.verifierKey()).isEqualTo(WITNESS_VKEY);
    assertThat(witness.witnessKey().publicKey()).isEqualTo(RFC8032_TEST1_PUBLIC);
    assertThat(new SignedNote(CHECKPOINT, List.of(signature)).encode()).isEqualTo(CHECKPOINT + "\n" + LINE);
    assertThat(Cosignature.verify(WITNESS_VKEY, note)).hasValue(TIME);
  }

  @Test
  void theSpecExampleLine_carriesItsTimestampAfterTheKeyId() {
    // c2sp.org/tlog-cosignature: "— witness.example.com/w1 jWbPPw…" cosigns at "time 1679315147".
    byte[] blob = Base64.getDecoder().decode(
        "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==");

    assertThat(blob).hasSize(4 + 8 + 64);
    assertThat(ByteBuffer.wrap(blob, 4, 8).getLong()).isEqualTo(1679315147L);
  }

  @Test
  void theSignedMessage_isHeaderTimeLineThenTheWholeText() {
    assertThat(new String(Cosignature.signedMessage(1679315147L, "o\n1\nAAAA\next\n"), StandardCharsets.UTF_8))
        .isEqualTo("cosignature/v1\ntime 1679315147\no\n1\nAAAA\next\n");
    assertThatThrownBy(() -> Cosignature.signedMessage(-1, "o\n")).hasMessageContaining("0..2^63-1");
  }

  @Test
  void generatedWitnessKeys_roundTrip_throughTheirVerifierKeyAndPkcs8() {
    NoteKeyPair witness = NoteKeyPair.generateWitnessKey("w.example/1");
    NoteKeyPair reloaded = NoteKeyPair.witnessKey("w.example/1", witness.privateKeyPkcs8());
    SignedNote note = new SignedNote(CHECKPOINT, List.of(reloaded.cosign(CHECKPOINT, 42)));

    assertThat(reloaded.verifierKey()).isEqualTo(witness.verifierKey());
    assertThat(WitnessKey.parse(witness.verifierKey())).isEqualTo(witness.witnessKey());
    assertThat(Cosignature.verify(witness.witnessKey(), SignedNote.parse(note.encode()))).hasValue(42);
    assertThat(witness.toString()).doesNotContain(Base64.getEncoder().encodeToString(witness.privateKeyPkcs8()));
  }

  @Test
  void everySingleBitFlip_ofSignatureTimeOrNote_failsVerification() {
    // A short checkpoint keeps the ~1,000 Ed25519 verifications of this test quick.
    String text = "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    NoteKeyPair witness = NoteKeyPair.witnessKey("w", pkcs8(RFC8032_TEST1_SEED));
    WitnessKey key = witness.witnessKey();
    NoteSignature line = witness.cosign(text, TIME);
    byte[] bytes = line.signature();
    assertThat(Cosignature.verify(key, text, line)).hasValue(TIME);

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Cosignature.verify(key, text, new NoteSignature(line.keyName(), line.keyId(), flipped)))
          .as("bit %d of the time ‖ signature", bit).isEmpty();
    }
    byte[] note = text.getBytes(StandardCharsets.UTF_8);
    for (int bit = 0; bit < note.length * 8; bit++) {
      byte[] flipped = note.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Cosignature.verify(key, new String(flipped, StandardCharsets.ISO_8859_1), line))
          .as("bit %d of the note", bit).isEmpty();
    }
    for (int bit = 0; bit < 32; bit++) {
      NoteSignature otherId = new NoteSignature(line.keyName(), line.keyId() ^ (1 << bit), bytes);
      assertThat(Cosignature.verify(key, text, otherId)).isEmpty();
    }
  }

  @Test
  void aCosignatureByOneWitness_doesNotVerifyForAnother_norAsALogSignature() {
    NoteKeyPair a = NoteKeyPair.generateWitnessKey("a.example");
    NoteKeyPair b = NoteKeyPair.generateWitnessKey("b.example");
    NoteSignature byA = a.cosign(CHECKPOINT, TIME);
    NoteKey sameKeyAsLogKey = new NoteKey("a.example", a.witnessKey().publicKey());

    assertThat(Cosignature.verify(b.witnessKey(), new SignedNote(CHECKPOINT, List.of(byA)))).isEmpty();
    assertThat(new SignedNote(CHECKPOINT, List.of(byA)).verifiedBy(sameKeyAsLogKey)).isFalse();
  }

  @Test
  void verify_findsTheWitnessLineAmongOthers() {
    NoteKeyPair log = NoteKeyPair.generateLogKey("custos.example/log");
    NoteKeyPair w = NoteKeyPair.generateWitnessKey("w.example");
    List<NoteSignature> lines = new ArrayList<>(List.of(log.sign(CHECKPOINT), NoteKeyPair.generateWitnessKey("x").cosign(CHECKPOINT, 1)));
    lines.add(w.cosign(CHECKPOINT, 7));

    assertThat(Cosignature.verify(w.witnessKey(), new SignedNote(CHECKPOINT, lines))).isEqualTo(OptionalLong.of(7));
  }

  @Test
  void witnessAndLogVerifierKeys_areNotInterchangeable() {
    NoteKeyPair log = NoteKeyPair.generateLogKey("l.example");
    NoteKeyPair w = NoteKeyPair.generateWitnessKey("w.example");

    assertThatThrownBy(() -> WitnessKey.parse(log.verifierKey())).hasMessageContaining("type 0x01");
    assertThatThrownBy(() -> NoteKey.parse(w.verifierKey())).hasMessageContaining("type 0x04");
    assertThatThrownBy(() -> w.sign(CHECKPOINT)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> log.cosign(CHECKPOINT, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> WitnessKey.parse(WITNESS_VKEY.replace("+eb762cc2+", "+eb762cc3+")))
        .hasMessageContaining("does not match");
  }
}
