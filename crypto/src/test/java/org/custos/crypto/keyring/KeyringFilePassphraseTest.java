package org.custos.crypto.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.RootKeyProviderContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider contract for a keyring sealed under a passphrase (Argon2id at a test-only low cost). */
class KeyringFilePassphraseTest extends RootKeyProviderContract {
  static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
  private static final char[] PASSPHRASE = "correct horse battery staple ✓".toCharArray();
  @TempDir
  Path directory;
  private RootKeyProvider provider;

  @BeforeEach
  void create() {
    provider = KeyringFile.createWithPassphrase(directory.resolve("keyring.json"), PASSPHRASE, CHEAP);
  }

  @Override
  protected RootKeyProvider provider() {
    return provider;
  }

  @Override
  protected RootKeyProvider reopen() {
    provider.close();
    provider = KeyringFile.open(directory.resolve("keyring.json"), PASSPHRASE.clone());
    return provider;
  }

  @Test
  void theKeyringRecordsArgon2idAndItsCost_butNotThePassphrase() throws Exception {
    String keyring = java.nio.file.Files.readString(directory.resolve("keyring.json"));

    assertThat(keyring).contains("argon2id").containsPattern("\"memoryKib\"\\s*:\\s*" + CHEAP.memoryKib() + "\\b")
        .doesNotContain("correct horse");
  }
}
