package org.custos.crypto.pkcs11;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real SoftHSM2 token for the PKCS#11 tests, initialised once per JVM. SoftHSM reads its
 * configuration file from the SOFTHSM2_CONF environment variable when the library is loaded, and
 * a JVM cannot change its own environment, so failsafe sets SOFTHSM2_CONF for the test JVM
 * (crypto/pom.xml) to a file under target/ that this class writes, with its token directory
 * beside it, before anything loads libsofthsm2.so. The token is initialised with softhsm2-util.
 * Test-only.
 */
final class SoftHsm {
  static final char[] PIN = "custos-user-pin".toCharArray();
  private static final String INSTALL = "SoftHSM2 is not installed (Debian package softhsm2, providing "
      + "libsofthsm2.so and softhsm2-util): ./run-tests installs it";
  private static final List<String> LIBRARIES = List.of(
      "/usr/lib/softhsm/libsofthsm2.so",
      "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
      "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
      "/usr/lib64/pkcs11/libsofthsm2.so",
      "/usr/local/lib/softhsm/libsofthsm2.so",
      "/opt/homebrew/lib/softhsm/libsofthsm2.so");
  private static SoftHsm instance;

  private final Path library;
  private final long slot;

  private SoftHsm(Path library, long slot) {
    this.library = library;
    this.slot = slot;
  }

  static synchronized SoftHsm token() {
    if (instance == null) {
      instance = initialise();
    }
    return instance;
  }

  Pkcs11Config config() {
    return Pkcs11Config.forSlot(library, slot, PIN);
  }

  /** Deletes every key on the token, so each test starts from an empty token; logs out after. */
  void clear() throws Exception {
    Provider provider = Security.getProvider("SunPKCS11").configure(config().sunPkcs11Config());
    KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
    keyStore.load(null, PIN.clone());
    for (String alias : Collections.list(keyStore.aliases())) {
      keyStore.deleteEntry(alias);
    }
    ((AuthProvider) provider).logout();
  }

  private static SoftHsm initialise() {
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      fail("SOFTHSM2_CONF is not set: run the PKCS#11 tests through Maven (mvn verify), whose failsafe "
          + "configuration in crypto/pom.xml sets it");
    }
    Path library = LIBRARIES.stream().map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
    if (library == null) {
      fail(INSTALL + "; looked for libsofthsm2.so in " + LIBRARIES);
    }
    try {
      Path config = Path.of(conf).toAbsolutePath();
      Path tokens = config.getParent().resolve("tokens");
      deleteRecursively(tokens);
      Files.createDirectories(tokens);
      Files.writeString(config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
          + "log.level = ERROR\nslots.removable = false\n");
      String output = run(config, "softhsm2-util", "--init-token", "--free", "--label", "custos-test",
          "--so-pin", "custos-so-pin", "--pin", new String(PIN));
      Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
      if (!slot.find()) {
        fail("softhsm2-util did not report the new token's slot: " + output);
      }
      return new SoftHsm(library, Long.parseLong(slot.group(1)));
    } catch (IOException e) {
      throw new AssertionError("could not set up SoftHSM2 under " + conf + ": " + e.getMessage(), e);
    }
  }

  private static String run(Path config, String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SOFTHSM2_CONF", config.toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(INSTALL + " (" + command[0] + " did not start: " + e.getMessage() + ")", e);
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        fail(command[0] + " failed: " + output);
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command[0], e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
