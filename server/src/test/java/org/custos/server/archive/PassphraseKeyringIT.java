package org.custos.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyring sealed by a passphrase (Argon2id): `custos init --passphrase` takes it from
 * CUSTOS_PASSPHRASE, every later command needs it (environment or the configured file), and a
 * wrong one is refused with a clear message that does not echo it.
 */
class PassphraseKeyringIT {
  private static final String PASSPHRASE = "correct horse battery staple 2026";

  @Test
  void aPassphraseSealedInstance_opensOnlyWithThePassphrase(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    Map<String, String> right = Map.of("CUSTOS_PASSPHRASE", PASSPHRASE);

    CustosProcess init = CustosProcess.start(right, "init", "--passphrase", "--home", home);
    assertThat(init.waitFor(120)).as(init.output()).isZero();
    assertThat(Files.exists(dir.resolve("home/keys/root.key"))).isFalse();
    assertThat(Files.readString(dir.resolve("home/keys/keyring.json"))).contains("argon2id").doesNotContain(PASSPHRASE);

    CustosProcess imported = CustosProcess.start(right, "import", "--home", home, SyntheticInstances.template().toString());
    assertThat(imported.waitFor(120)).as(imported.output()).isZero();

    CustosProcess wrong = CustosProcess.start(Map.of("CUSTOS_PASSPHRASE", "not it"), "ls", "--home", home);
    assertThat(wrong.waitFor(120)).isEqualTo(1);
    assertThat(wrong.output()).contains("passphrase is wrong").doesNotContain("not it");

    CustosProcess none = CustosProcess.start(Map.of(), "ls", "--home", home);
    assertThat(none.waitFor(120)).isEqualTo(1);
    assertThat(none.output()).contains("CUSTOS_PASSPHRASE");

    Path file = dir.resolve("passphrase.txt");
    Files.writeString(file, PASSPHRASE + "\n");
    CustosProcess fromFile = CustosProcess.start(Map.of("CUSTOS_KEYS_KEYRING_PASSPHRASE_FILE", file.toString()), "ls",
        "--home", home);
    assertThat(fromFile.waitFor(120)).as(fromFile.output()).isZero();
    assertThat(fromFile.output()).contains("CompressedSamples^MR1");
  }
}
