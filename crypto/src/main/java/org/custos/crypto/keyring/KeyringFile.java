package org.custos.crypto.keyring;

import com.google.crypto.tink.Aead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.custos.crypto.CryptoException;
import org.custos.crypto.IntegrityException;
import org.custos.crypto.KeyNotFoundException;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.WrappedKey;
import org.custos.crypto.keyring.KeyringDocument.RootVersion;
import org.custos.crypto.keyring.KeyringDocument.Sealing;

/**
 * A root key kept in one JSON file (docs/formats/blob.md, "Keyring file"): every root version is
 * a Tink AES256_GCM keyset sealed under a key-encryption key derived from a passphrase (Argon2id,
 * RFC 9106, m = 64 MiB, t = 3, p = 1, random 16-byte salt) or read from a 32-byte key file of mode
 * 0600. Wrapping is Tink AEAD with the caller's context as associated data.
 *
 * <p>Guarantees: the file is written atomically (temporary file, fsync, rename, directory fsync)
 * with mode 0600; a wrong passphrase or key file, or an altered sealed keyset, is reported as
 * {@link IntegrityException} and nothing opens; {@link #retire} removes the version's sealed
 * keyset from the file. Not guaranteed: copies of the file made before a retirement (backups,
 * old disk blocks) still hold that version under the same KEK; the version list and statuses are
 * not authenticated, so whoever can write the file can delete versions (denial of service) but
 * cannot substitute keys. One process changes a keyring at a time; thread-safe within it.
 */
public final class KeyringFile implements RootKeyProvider {
  static final String KEY_ID = "keyring-root";
  private static final String WRONG_PASSPHRASE = "keyring passphrase is wrong or the keyring is damaged";
  private static final String WRONG_KEY_FILE = "keyring key file is wrong or the keyring is damaged";

  private final Path path;
  private final Kek kek;
  private volatile RootVersions state;

  private KeyringFile(Path path, Kek kek, RootVersions state) {
    this.path = path;
    this.kek = kek;
    this.state = state;
  }

  /** A new keyring at {@code keyring} (which must not exist) sealed under {@code passphrase}. */
  public static KeyringFile createWithPassphrase(Path keyring, char[] passphrase) {
    return createWithPassphrase(keyring, passphrase, Argon2idParameters.DEFAULT);
  }

  /** Tests pass a low cost; the file records it. */
  static KeyringFile createWithPassphrase(Path keyring, char[] passphrase, Argon2idParameters cost) {
    requirePassphrase(passphrase);
    refuseExisting(keyring);
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return create(keyring, Kek.fromPassphrase(passphrase, salt, cost), Sealing.argon2id(salt, cost));
  }

  /**
   * A new keyring at {@code keyring} (which must not exist) sealed under the key in
   * {@code keyFile}; a new key file of mode 0600 is generated if there is none.
   */
  public static KeyringFile createWithKeyFile(Path keyring, Path keyFile) {
    refuseExisting(keyring);
    return create(keyring, kekFrom(KeyFile.readOrCreate(keyFile)), Sealing.keyFile());
  }

  /** @throws IntegrityException "keyring passphrase is wrong or the keyring is damaged" */
  public static KeyringFile open(Path keyring, char[] passphrase) {
    requirePassphrase(passphrase);
    KeyringDocument document = KeyringCodec.read(keyring);
    Sealing s = document.sealing();
    if (!Sealing.ARGON2ID.equals(s.mode())) {
      throw new CryptoException("keyring " + keyring + " is sealed with a key file: open it with openWithKeyFile");
    }
    Argon2idParameters cost = new Argon2idParameters(s.memoryKib(), s.iterations(), s.parallelism());
    return load(keyring, document, Kek.fromPassphrase(passphrase, s.salt(), cost), WRONG_PASSPHRASE);
  }

  /** @throws IntegrityException "keyring key file is wrong or the keyring is damaged" */
  public static KeyringFile openWithKeyFile(Path keyring, Path keyFile) {
    KeyringDocument document = KeyringCodec.read(keyring);
    if (!Sealing.KEY_FILE.equals(document.sealing().mode())) {
      throw new CryptoException("keyring " + keyring + " is sealed with a passphrase: open it with open(path, passphrase)");
    }
    return load(keyring, document, kekFrom(KeyFile.read(keyFile)), WRONG_KEY_FILE);
  }

  @Override
  public KeyVersion current() {
    return state().current();
  }

  @Override
  public List<KeyVersion> versions() {
    return state().versions();
  }

  @Override
  public WrappedKey wrap(byte[] keyMaterial, byte[] context) {
    RootVersions s = state();
    KeyVersion current = s.current();
    try {
      return new WrappedKey(current, s.aead(current).orElseThrow().encrypt(keyMaterial, context));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("could not wrap under " + current, e);
    }
  }

  @Override
  public byte[] unwrap(WrappedKey wrapped, byte[] context) {
    KeyVersion version = wrapped.wrappedBy();
    Aead aead = state().aead(version).orElseThrow(() -> new KeyNotFoundException(
        version + " is not an active version of this keyring (unknown or retired)"));
    try {
      return aead.decrypt(wrapped.ciphertext(), context);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("wrapped key does not authenticate under " + version + " (wrong context or altered)");
    }
  }

  @Override
  public synchronized KeyVersion rotate() {
    RootVersions s = state();
    int next = s.newest().version() + 1;
    String created = now();
    var keyset = Kek.newRootKeyset();
    List<RootVersion> versions = new ArrayList<>(s.document().versions());
    versions.add(new RootVersion(next, KeyringDocument.ACTIVE, created, null,
        kek.seal(keyset, s.document().keyringId(), next, created)));
    Map<Integer, Aead> aeads = new HashMap<>(s.active());
    try {
      aeads.put(next, kek.unseal(versions.get(versions.size() - 1).keyset(), s.document().keyringId(), next, created));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("a freshly sealed root version does not open", e);
    }
    persist(s.with(versions, aeads));
    return new KeyVersion(KEY_ID, next);
  }

  @Override
  public synchronized void retire(KeyVersion version) {
    RootVersions s = state();
    if (version.equals(s.current())) {
      throw new IllegalArgumentException("cannot retire the current version " + version + ": rotate first");
    }
    if (s.aead(version).isEmpty()) {
      throw new KeyNotFoundException(version + " is not an active version of this keyring (unknown or retired)");
    }
    List<RootVersion> versions = new ArrayList<>();
    for (RootVersion v : s.document().versions()) {
      versions.add(v.version() != version.version() ? v
          : new RootVersion(v.version(), KeyringDocument.RETIRED, v.created(), now(), null));
    }
    Map<Integer, Aead> aeads = new HashMap<>(s.active());
    aeads.remove(version.version());
    persist(s.with(versions, aeads));
  }

  /** Forgets the unsealed keys; later calls throw {@link IllegalStateException}. */
  @Override
  public synchronized void close() {
    state = null;
  }

  @Override
  public String toString() {
    RootVersions s = state;
    return "KeyringFile[" + path + (s == null ? ", closed" : ", current " + s.current()) + "]";
  }

  private void persist(RootVersions next) {
    AtomicFiles.write(path, KeyringCodec.encode(next.document()));
    state = next;
  }

  private RootVersions state() {
    RootVersions s = state;
    if (s == null) {
      throw new IllegalStateException("keyring " + path + " is closed");
    }
    return s;
  }

  private static KeyringFile create(Path path, Kek kek, Sealing sealing) {
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    String keyringId = "kr-" + HexFormat.of().formatHex(id);
    String created = now();
    RootVersion first = new RootVersion(1, KeyringDocument.ACTIVE, created, null,
        kek.seal(Kek.newRootKeyset(), keyringId, 1, created));
    KeyringDocument document = new KeyringDocument(KeyringDocument.FORMAT, keyringId, sealing, List.of(first));
    AtomicFiles.create(path, KeyringCodec.encode(document));
    return load(path, document, kek, "a freshly written keyring does not open");
  }

  private static KeyringFile load(Path path, KeyringDocument document, Kek kek, String wrongKey) {
    Map<Integer, Aead> aeads = new HashMap<>();
    for (RootVersion v : document.versions()) {
      if (v.active()) {
        try {
          aeads.put(v.version(), kek.unseal(v.keyset(), document.keyringId(), v.version(), v.created()));
        } catch (GeneralSecurityException e) {
          throw new IntegrityException(aeads.isEmpty() ? wrongKey
              : "keyring " + path + " is damaged: root version " + v.version() + " does not open");
        }
      }
    }
    return new KeyringFile(path, kek, new RootVersions(document, aeads));
  }

  private static Kek kekFrom(byte[] key) {
    try {
      return Kek.fromKeyBytes(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void requirePassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("keyring passphrase must not be empty");
    }
  }

  private static void refuseExisting(Path keyring) {
    if (Files.exists(keyring)) {
      throw new CryptoException("keyring file already exists: " + keyring);
    }
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
