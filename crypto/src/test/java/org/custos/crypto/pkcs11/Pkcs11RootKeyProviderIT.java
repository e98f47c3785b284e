package org.custos.crypto.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.custos.crypto.IntegrityException;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.RootKeyProviderContract;
import org.custos.crypto.WrappedKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider contract against a real SoftHSM2 token. */
class Pkcs11RootKeyProviderIT extends RootKeyProviderContract {
  private RootKeyProvider provider;

  @BeforeEach
  void create() throws Exception {
    SoftHsm.token().clear();
    provider = Pkcs11RootKeyProvider.create(SoftHsm.token().config());
  }

  @Override
  protected RootKeyProvider provider() {
    return provider;
  }

  @Override
  protected RootKeyProvider reopen() {
    provider.close();
    provider = Pkcs11RootKeyProvider.open(SoftHsm.token().config());
    return provider;
  }

  @Test
  void wrapsAreBoundToTheKeyInTheToken_notToItsVersionNumber() throws Exception {
    byte[] context = "pkcs11/1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    WrappedKey wrapped = provider.wrap(new byte[32], context);
    provider.close();
    SoftHsm.token().clear();
    provider = Pkcs11RootKeyProvider.create(SoftHsm.token().config());

    assertThat(provider.current()).isEqualTo(wrapped.wrappedBy());
    assertThatThrownBy(() -> provider.unwrap(wrapped, context)).isInstanceOf(IntegrityException.class);
  }
}
