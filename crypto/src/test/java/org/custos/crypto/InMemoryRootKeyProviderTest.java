package org.custos.crypto;

class InMemoryRootKeyProviderTest extends RootKeyProviderContract {
  private final InMemoryRootKeyProvider.Store store = new InMemoryRootKeyProvider.Store();
  private RootKeyProvider provider = new InMemoryRootKeyProvider(store);

  @Override
  protected RootKeyProvider provider() {
    return provider;
  }

  @Override
  protected RootKeyProvider reopen() {
    provider.close();
    provider = new InMemoryRootKeyProvider(store);
    return provider;
  }
}
