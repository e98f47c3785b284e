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

/**
 * {@code custos init}: creates an instance folder — the documented configuration file, the data
 * folders (0700) and a new keyring sealed by a fresh key file (0600) or by a passphrase — then
 * opens the archive once so that its id and service keys exist. Refuses a folder that already
 * has a configuration.
 */
public final class HomeInitializer {
  /** How the new keyring is sealed. */
  public enum Seal {
    KEY_FILE("key-file"),
    PASSPHRASE("passphrase");

    final String configValue;

    Seal(String configValue) {
      this.configValue = configValue;
    }
  }

  private HomeInitializer() {}

  public static void init(Path home, Seal seal, Map<String, String> environment) {
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
      RootKeyProvider created = seal == Seal.KEY_FILE
          ? KeyringFile.createWithKeyFile(keyring, home.resolve("keys/root.key"))
          : KeyringFile.createWithPassphrase(keyring,
              Secrets.passphrase(environment, java.util.Optional.empty(), "New keyring passphrase: "));
      created.close();
      Files.writeString(config, template().replace("${seal}", seal.configValue), StandardCharsets.UTF_8);
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
