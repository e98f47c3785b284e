package org.custos.crypto.pkcs11;

import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.RootKeyProviderContract;
import org.junit.jupiter.api.BeforeEach;

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
}
