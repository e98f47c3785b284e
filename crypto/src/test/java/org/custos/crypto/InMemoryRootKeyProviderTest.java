package org.custos.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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

  @Test
  void anotherStore_cannotUnwrapThisStoresWraps() {
    byte[] context = "in-memory/1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    WrappedKey wrapped = provider.wrap(new byte[32], context);
    RootKeyProvider other = new InMemoryRootKeyProvider(new InMemoryRootKeyProvider.Store());

    assertThat(other.current()).isEqualTo(provider.current());
    assertThatThrownBy(() -> other.unwrap(wrapped, context)).isInstanceOf(IntegrityException.class);
    other.close();
  }
}
