package org.custos.crypto.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.AuthProvider;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.custos.crypto.CryptoException;
import org.custos.crypto.KeyNotFoundException;
import org.custos.crypto.KeyVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to the token: keys stay inside it, and it is found and logged into properly. */
class Pkcs11TokenIT {
  private final SoftHsm hsm = SoftHsm.token();

  @BeforeEach
  void emptyToken() throws Exception {
    hsm.clear();
  }

  @Test
  void rootKeys_areTokenObjectsThatCannotBeExported() throws Exception {
    try (Pkcs11RootKeyProvider provider = Pkcs11RootKeyProvider.create(hsm.config())) {
      provider.rotate();
    }
    Provider p = Security.getProvider("SunPKCS11").configure(hsm.config().sunPkcs11Config());
    KeyStore keyStore = KeyStore.getInstance("PKCS11", p);
    keyStore.load(null, SoftHsm.PIN.clone());
    try {
      assertThat(Collections.list(keyStore.aliases())).containsExactlyInAnyOrder("custos-root-v1", "custos-root-v2");
      for (String alias : Collections.list(keyStore.aliases())) {
        Key key = keyStore.getKey(alias, null);
        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(key.getEncoded()).isNull();
        assertThat(key.toString()).contains("token object", "sensitive", "unextractable");
        SecretKeyFactory factory = SecretKeyFactory.getInstance("AES", p);
        assertThatThrownBy(() -> factory.getKeySpec((javax.crypto.SecretKey) key, SecretKeySpec.class))
            .isInstanceOf(java.security.GeneralSecurityException.class);
      }
    } finally {
      ((AuthProvider) p).logout();
    }
  }

  @Test
  void retire_destroysTheTokenObject() throws Exception {
    try (Pkcs11RootKeyProvider provider = Pkcs11RootKeyProvider.create(hsm.config())) {
      KeyVersion first = provider.current();
      provider.rotate();
      provider.retire(first);
    }
    try (Pkcs11RootKeyProvider reopened = Pkcs11RootKeyProvider.open(hsm.config())) {
      assertThat(reopened.versions()).containsExactly(new KeyVersion("pkcs11-root", 2));
    }
  }

  @Test
  void create_onATokenWithRootKeys_isRefused_andOpen_onAnEmptyOne() {
    assertThatThrownBy(() -> Pkcs11RootKeyProvider.open(hsm.config())).isInstanceOf(KeyNotFoundException.class);
    Pkcs11RootKeyProvider.create(hsm.config()).close();
    assertThatThrownBy(() -> Pkcs11RootKeyProvider.create(hsm.config()))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("already holds");
  }

  @Test
  void wrongPin_failsClearlyWithoutThePin() {
    Pkcs11RootKeyProvider.create(hsm.config()).close();
    Pkcs11Config wrong = Pkcs11Config.forSlot(hsm.config().library(), slotOf(hsm), "not-the-pin".toCharArray());
    assertThatThrownBy(() -> Pkcs11RootKeyProvider.open(wrong))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("login failed")
        .hasMessageNotContaining("not-the-pin");
    assertThat(wrong.toString()).doesNotContain("not-the-pin");
  }

  private static long slotOf(SoftHsm hsm) {
    String line = hsm.config().toString();
    return Long.parseLong(line.replaceAll(".*slot = (\\d+).*", "$1"));
  }
}
