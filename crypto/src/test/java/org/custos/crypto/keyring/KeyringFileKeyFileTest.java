package org.custos.crypto.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.RootKeyProviderContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

  @Test
  void theKeyringOnDisk_holdsNeitherTheKeyFileNorAWrappedSecretInClear() throws Exception {
    byte[] secret = "a patient key that must not leak".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    provider.wrap(secret, "ctx".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String keyring = java.nio.file.Files.readString(directory.resolve("keyring.json"));
    byte[] keyFile = java.nio.file.Files.readAllBytes(directory.resolve("root.key"));

    assertThat(keyring).contains("key-file")
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(keyFile))
        .doesNotContain(java.util.HexFormat.of().formatHex(keyFile))
        .doesNotContain("must not leak");
  }
}
