package org.custos.server.home;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.keyring.KeyringFile;
import org.custos.crypto.pkcs11.Pkcs11Config;
import org.custos.crypto.pkcs11.Pkcs11RootKeyProvider;

/**
 * {@code custos init}: creates an instance folder — the documented configuration file, the data
 * folders (0700) and a new root key — in a keyring sealed by a fresh key file (0600) or by a
 * passphrase, or generated inside a PKCS#11 token — then
 * opens the archive once so that its id and service keys exist. Refuses a folder that already
 * has a configuration.
 */
public final class HomeInitializer {
  /** How the new keyring is sealed. */
  public enum Seal {
    KEY_FILE("key-file"),
    PASSPHRASE("passphrase"),
    /** The root key is generated in a PKCS#11 token; see {@link Pkcs11Setup}. */
    PKCS11("key-file");

    final String configValue;

    Seal(String configValue) {
      this.configValue = configValue;
    }
  }

  private HomeInitializer() {}

  /** Where the root key of a PKCS#11 instance lives: the module, the slot id and a file with the PIN. */
  public record Pkcs11Setup(Path library, long slot, Path pinFile) {}

  public static void init(Path home, Seal seal, Map<String, String> environment) {
    init(home, seal, java.util.Optional.empty(), environment);
  }

  public static void init(Path home, Seal seal, java.util.Optional<Pkcs11Setup> pkcs11, Map<String, String> environment) {
    Path config = home.resolve(ConfigFile.NAME);
    if (Files.exists(config)) {
      throw new ConfigException(home + " is already initialised (" + ConfigFile.NAME + " exists)");
    }
    try {
      for (String folder : new String[] {"", "keys", "blobs", "index"}) {
        Path dir = home.resolve(folder);
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
      }
      Path keyring = home.resolve("keys/keyring.json");
      String text = template().replace("${seal}", seal.configValue);
      RootKeyProvider created;
      if (seal == Seal.PKCS11) {
        Pkcs11Setup setup = pkcs11.orElseThrow(() -> new ConfigException("PKCS#11 needs a library, a slot and a PIN file"));
        created = Pkcs11RootKeyProvider.create(Pkcs11Config.forSlot(setup.library(), setup.slot(),
            Secrets.readFirstLine(setup.pinFile()).toCharArray()));
        text = text.replace("keys.provider=keyring", "keys.provider=pkcs11")
            .replace("#keys.pkcs11.library=/usr/lib/softhsm/libsofthsm2.so", "keys.pkcs11.library=" + setup.library())
            .replace("#keys.pkcs11.slot=0", "keys.pkcs11.slot=" + setup.slot())
            .replace("#keys.pkcs11.pin-file=keys/pkcs11.pin", "keys.pkcs11.pin-file=" + setup.pinFile().toAbsolutePath());
      } else if (seal == Seal.KEY_FILE) {
        created = KeyringFile.createWithKeyFile(keyring, home.resolve("keys/root.key"));
      } else {
        created = KeyringFile.createWithPassphrase(keyring,
            Secrets.passphrase(environment, java.util.Optional.empty(), "New keyring passphrase: "));
      }
      created.close();
      Files.writeString(config, text, StandardCharsets.UTF_8);
      restrict(config, "rw-------");
    } catch (IOException e) {
      throw new ConfigException("cannot initialise " + home + ": " + e.getMessage(), e);
    }
    try (CustosInstance instance = CustosInstance.open(home, environment)) {
      instance.archive().archiveId();
    }
  }

  private static String template() throws IOException {
    try (InputStream in = HomeInitializer.class.getResourceAsStream("custos.conf.template")) {
      if (in == null) {
        throw new IOException("custos.conf.template is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
