package org.custos.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BlindIndexTest {
  private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final BlindIndex FIXED = withKey(KEY);
  private static final BlindIndex RANDOM = randomIndex();

  @Test
  void token_isHmacSha256OfDomainNulValue() throws Exception {
    // RFC 2104 HMAC computed by the JDK, independently of Tink.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    byte[] expected = mac.doFinal("PATIENT_ID\0PAT-0001".getBytes(UTF_8));
    assertThat(FIXED.token(BlindIndexDomain.PATIENT_ID, "PAT-0001")).hasSize(32).isEqualTo(expected);
    assertThat(HexFormat.of().formatHex(expected))
        .isEqualTo("0bbbc508b5441ae2cc00e02c7124fbba3e200ab57eaeb4f6bafb39f378f2cdcc");
  }

  @Property
  void sameValue_inTwoDomains_givesDifferentTokens(@ForAll String value) {
    assertThat(FIXED.token(BlindIndexDomain.PATIENT_ID, value))
        .isNotEqualTo(FIXED.token(BlindIndexDomain.ACCESSION_NUMBER, value));
  }

  @Test
  void everyDomain_hasItsOwnTokens() {
    Set<String> tokens = new HashSet<>();
    for (BlindIndexDomain domain : BlindIndexDomain.values()) {
      tokens.add(HexFormat.of().formatHex(FIXED.token(domain, "1.2.3")));
    }
    assertThat(tokens).hasSize(BlindIndexDomain.values().length);
  }

  @Property
  void equalValues_giveEqualTokens_andAnotherKeyGivesOthers(@ForAll String value) {
    assertThat(FIXED.token(BlindIndexDomain.PATIENT_NAME_TOKEN, value))
        .isEqualTo(FIXED.token(BlindIndexDomain.PATIENT_NAME_TOKEN, value))
        .isNotEqualTo(RANDOM.token(BlindIndexDomain.PATIENT_NAME_TOKEN, value));
  }

  private static BlindIndex randomIndex() {
    KeyHierarchy hierarchy = new KeyHierarchy(new InMemoryRootKeyProvider(new InMemoryRootKeyProvider.Store()));
    return hierarchy.openServiceKeys(hierarchy.createServiceKeys()).blindIndex();
  }

  private static BlindIndex withKey(byte[] key) {
    randomIndex(); // registers Tink's PRF configuration before a key is imported
    try {
      HmacPrfKey prfKey = HmacPrfKey.builder()
          .setParameters(PredefinedPrfParameters.HMAC_SHA256_PRF)
          .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
          .build();
      KeysetHandle handle = KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(prfKey).withRandomId().makePrimary()).build();
      return new BlindIndex(TinkKeysets.prfSet(handle));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
