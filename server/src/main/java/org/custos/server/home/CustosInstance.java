package org.custos.server.home;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.archive.Archive;
import org.custos.archive.log.LogSettings;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.index.ArchiveIndex;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.keyring.KeyringFile;
import org.custos.crypto.pkcs11.Pkcs11Config;
import org.custos.crypto.pkcs11.Pkcs11RootKeyProvider;
import org.custos.storage.blob.fs.FileBlobStore;
import org.custos.storage.blob.s3.S3BlobStore;
import org.custos.storage.blob.s3.S3BlobStoreConfig;
import org.custos.storage.blob.s3.S3Credentials;
import org.custos.storage.index.PostgresIndex;
import org.custos.storage.index.PostgresIndexConfig;
import org.custos.storage.index.SqliteIndex;

/**
 * The composition root: one open Custos instance built by hand from its home folder's
 * configuration — the root key provider, the blob store, the index and the archive over them —
 * holding the home lock until closed. No DI container: what is wired is what you read here.
 */
public final class CustosInstance implements AutoCloseable {
  private final Path home;
  private final ConfigFile config;
  private final Optional<HomeLock> lock;
  private final RootKeyProvider root;
  private final Archive archive;

  private CustosInstance(Path home, ConfigFile config, Optional<HomeLock> lock, RootKeyProvider root, Archive archive) {
    this.home = home;
    this.config = config;
    this.lock = lock;
    this.root = root;
    this.archive = archive;
  }

  private static LogSettings logSettings(ConfigFile config) {
    List<String> witnesses = config.get(ConfigKeys.LOG_WITNESSES).stream()
        .flatMap(value -> java.util.Arrays.stream(value.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
    try {
      return new LogSettings(config.get(ConfigKeys.LOG_ORIGIN), witnesses);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigKeys.LOG_ORIGIN + " / " + ConfigKeys.LOG_WITNESSES + ": " + e.getMessage());
    }
  }

  public static CustosInstance open(Path home, Map<String, String> environment) {
    ConfigFile config = ConfigFile.load(home, environment);
    return open(home, config, Optional.of(HomeLock.acquire(home)), environment);
  }

  /**
   * Opens the instance without its lock, beside a running server, for commands that touch only
   * the index's principals (API keys) and never blobs, recovery or keys: SQLite serialises writers
   * across processes (WAL, busy timeout) and PostgreSQL serves many nodes anyway. The lock exists
   * because two processes sweeping the blob folder would take each other's fresh blobs for orphans.
   */
  public static CustosInstance openShared(Path home, Map<String, String> environment) {
    return open(home, ConfigFile.load(home, environment), Optional.empty(), environment);
  }

  private static CustosInstance open(Path home, ConfigFile config, Optional<HomeLock> lock,
      Map<String, String> environment) {
    RootKeyProvider root = null;
    BlobStore blobs = null;
    try {
      root = rootKeys(home, config, environment);
      blobs = blobStore(home, config);
      ArchiveIndex index = index(home, config);
      Archive archive = Archive.open(blobs, index, new KeyHierarchy(root), Clock.systemUTC(), logSettings(config));
      return new CustosInstance(home, config, lock, root, archive);
    } catch (RuntimeException e) {
      if (blobs != null) {
        blobs.close();
      }
      if (root != null) {
        root.close();
      }
      lock.ifPresent(HomeLock::close);
      throw e;
    }
  }

  static RootKeyProvider rootKeys(Path home, ConfigFile config, Map<String, String> environment) {
    String provider = config.oneOf(ConfigKeys.KEYS_PROVIDER, "keyring", Set.of("keyring", "pkcs11"));
    if (provider.equals("pkcs11")) {
      return Pkcs11RootKeyProvider.open(pkcs11(home, config));
    }
    Path keyring = home.resolve(config.get(ConfigKeys.KEYS_KEYRING_PATH, "keys/keyring.json"));
    String seal = config.oneOf(ConfigKeys.KEYS_KEYRING_SEAL, "key-file", Set.of("key-file", "passphrase"));
    if (seal.equals("key-file")) {
      return KeyringFile.openWithKeyFile(keyring, home.resolve(config.get(ConfigKeys.KEYS_KEYRING_KEY_FILE, "keys/root.key")));
    }
    Optional<Path> passphraseFile = config.get(ConfigKeys.KEYS_KEYRING_PASSPHRASE_FILE).map(home::resolve);
    return KeyringFile.open(keyring, Secrets.passphrase(environment, passphraseFile, "Keyring passphrase: "));
  }

  static Pkcs11Config pkcs11(Path home, ConfigFile config) {
    String slot = config.require(ConfigKeys.KEYS_PKCS11_SLOT);
    long slotId;
    try {
      slotId = Long.parseLong(slot);
    } catch (NumberFormatException e) {
      throw new ConfigException(ConfigKeys.KEYS_PKCS11_SLOT + " must be a slot id (a number; `softhsm2-util --show-slots` "
          + "or the vendor's tool lists them), was '" + slot + "'");
    }
    return Pkcs11Config.forSlot(Path.of(config.require(ConfigKeys.KEYS_PKCS11_LIBRARY)), slotId,
        Secrets.readFirstLine(home.resolve(config.require(ConfigKeys.KEYS_PKCS11_PIN_FILE))).toCharArray());
  }

  static BlobStore blobStore(Path home, ConfigFile config) {
    String kind = config.oneOf(ConfigKeys.BLOBS_KIND, "filesystem", Set.of("filesystem", "s3"));
    if (kind.equals("s3")) {
      S3BlobStoreConfig.Builder builder = S3BlobStoreConfig.builder(config.require(ConfigKeys.BLOBS_S3_BUCKET),
          config.get(ConfigKeys.BLOBS_S3_REGION, "us-east-1"))
          .keyPrefix(config.get(ConfigKeys.BLOBS_S3_PREFIX, ""))
          .pathStyle(Boolean.parseBoolean(config.get(ConfigKeys.BLOBS_S3_PATH_STYLE, "false")));
      config.get(ConfigKeys.BLOBS_S3_ENDPOINT).map(URI::create).ifPresent(builder::endpoint);
      Optional<String> accessKey = config.get(ConfigKeys.BLOBS_S3_ACCESS_KEY_ID);
      if (accessKey.isPresent()) {
        builder.credentials(S3Credentials.of(accessKey.get(),
            Secrets.readFirstLine(home.resolve(config.require(ConfigKeys.BLOBS_S3_SECRET_KEY_FILE)))));
      }
      return S3BlobStore.connect(builder.build());
    }
    return FileBlobStore.at(home.resolve(config.get(ConfigKeys.BLOBS_FILESYSTEM_PATH, "blobs")));
  }

  static ArchiveIndex index(Path home, ConfigFile config) {
    String kind = config.oneOf(ConfigKeys.INDEX_KIND, "sqlite", Set.of("sqlite", "postgresql"));
    if (kind.equals("postgresql")) {
      String password = config.get(ConfigKeys.INDEX_POSTGRESQL_PASSWORD_FILE)
          .map(file -> Secrets.readFirstLine(home.resolve(file))).orElse("");
      return PostgresIndex.open(new PostgresIndexConfig(config.require(ConfigKeys.INDEX_POSTGRESQL_URL),
          config.get(ConfigKeys.INDEX_POSTGRESQL_USER, ""), password));
    }
    return SqliteIndex.open(home.resolve(config.get(ConfigKeys.INDEX_SQLITE_PATH, "index/custos.db")));
  }

  public Path home() {
    return home;
  }

  public Archive archive() {
    return archive;
  }

  /** The configuration the instance was opened with (file and environment). */
  public ConfigFile config() {
    return config;
  }

  public RootKeyProvider rootKeys() {
    return root;
  }

  @Override
  public void close() {
    try {
      archive.close();
    } finally {
      try {
        root.close();
      } finally {
        lock.ifPresent(HomeLock::close);
      }
    }
  }
}
