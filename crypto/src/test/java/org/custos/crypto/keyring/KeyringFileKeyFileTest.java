package org.custos.crypto.keyring;

import java.nio.file.Path;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.RootKeyProviderContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The provider contract for a keyring sealed under a key file. */
class KeyringFileKeyFileTest extends RootKeyProviderContract {
  @TempDir
  Path directory;
  private RootKeyProvider provider;

  @BeforeEach
  void create() {
    provider = KeyringFile.createWithKeyFile(directory.resolve("keyring.json"), directory.resolve("root.key"));
  }

  @Override
  protected RootKeyProvider provider() {
    return provider;
  }

  @Override
  protected RootKeyProvider reopen() {
    provider.close();
    provider = KeyringFile.openWithKeyFile(directory.resolve("keyring.json"), directory.resolve("root.key"));
    return provider;
  }
}
