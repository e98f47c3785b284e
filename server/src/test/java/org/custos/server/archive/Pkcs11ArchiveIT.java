package org.custos.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive with its root key in a real SoftHSM2 token (issue 3 §2b), through the real
 * {@code custos} process: init generates the root key in the token, import, verify, rotation
 * (a second key generated in the token, the first destroyed) and verify again. SoftHSM2 reads its
 * configuration from SOFTHSM2_CONF, which the child process gets in its environment.
 */
class Pkcs11ArchiveIT {
  private static final List<String> LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
      "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so");

  @Test
  void anArchiveWhoseRootKeyLivesInSoftHsm2_storesVerifiesAndRotates(@TempDir Path dir) throws Exception {
    Path library = LIBRARIES.stream().map(Path::of).filter(Files::isRegularFile).findFirst()
        .orElseThrow(() -> new AssertionError("SoftHSM2 is not installed (Debian package softhsm2): run ./run-tests"));
    Path conf = dir.resolve("softhsm2.conf");
    Files.createDirectories(dir.resolve("tokens"));
    Files.writeString(conf, "directories.tokendir = " + dir.resolve("tokens") + "\nobjectstore.backend = file\n"
        + "log.level = ERROR\nslots.removable = false\n");
    Map<String, String> environment = Map.of("SOFTHSM2_CONF", conf.toString());
    ProcessBuilder initToken = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "custos-it",
        "--so-pin", "so-pin-1234", "--pin", "user-pin-5678").redirectErrorStream(true);
    initToken.environment().putAll(environment);
    Process process = initToken.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
    assertThat(slot.find()).as(output).isTrue();
    Path pin = dir.resolve("pin.txt");
    Files.writeString(pin, "user-pin-5678\n");
    String home = dir.resolve("home").toString();

    CustosProcess init = CustosProcess.start(environment, "init", "--home", home, "--pkcs11-library", library.toString(),
        "--pkcs11-slot", slot.group(1), "--pkcs11-pin-file", pin.toString());
    assertThat(init.waitFor(120)).as(init.output()).isZero();
    assertThat(Files.exists(dir.resolve("home/keys/keyring.json"))).as("no keyring file: the key is in the token").isFalse();
    assertThat(Files.readString(dir.resolve("home/custos.conf"))).contains("keys.provider=pkcs11");

    CustosProcess imported = CustosProcess.start(environment, "import", "--home", home,
        SyntheticInstances.template().toString());
    assertThat(imported.waitFor(120)).as(imported.output()).isZero();
    assertThat(run(environment, "verify", "--home", home)).contains("verified 1 instance versions").contains("OK");

    assertThat(run(environment, "keys", "rotate", "--home", home)).contains("1 patient keys re-wrapped")
        .contains("retired: [");
    assertThat(run(environment, "verify", "--home", home)).contains("OK");
  }

  private static String run(Map<String, String> environment, String... args) throws Exception {
    CustosProcess process = CustosProcess.start(environment, args);
    assertThat(process.waitFor(120)).as(process.output()).isZero();
    return process.output();
  }
}
