package org.custos.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-memory fake of {@link RootKeyProvider}: one Tink AES256_GCM keyset per version, kept in a
 * {@link Store} that outlives a provider so that "reopen" can be tested. Test-only.
 */
public final class InMemoryRootKeyProvider implements RootKeyProvider {
  /** What survives closing a provider. */
  public static final class Store {
    private final Map<Integer, Aead> versions = new TreeMap<>();
  }

  private static final String KEY_ID = "memory-root";
  private final Store store;
  private boolean closed;

  public InMemoryRootKeyProvider(Store store) {
    this.store = store;
    synchronized (store) {
      if (store.versions.isEmpty()) {
        store.versions.put(1, newAead());
      }
    }
  }

  @Override
  public synchronized KeyVersion current() {
    open();
    return new KeyVersion(KEY_ID, ((TreeMap<Integer, Aead>) store.versions).lastKey());
  }

  @Override
  public synchronized List<KeyVersion> versions() {
    open();
    List<KeyVersion> out = new ArrayList<>();
    store.versions.keySet().forEach(v -> out.add(new KeyVersion(KEY_ID, v)));
    return out;
  }

  @Override
  public synchronized WrappedKey wrap(byte[] keyMaterial, byte[] context) {
    KeyVersion current = current();
    try {
      return new WrappedKey(current, store.versions.get(current.version()).encrypt(keyMaterial, context));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("wrap failed", e);
    }
  }

  @Override
  public synchronized byte[] unwrap(WrappedKey wrapped, byte[] context) {
    open();
    Aead aead = KEY_ID.equals(wrapped.wrappedBy().keyId()) ? store.versions.get(wrapped.wrappedBy().version()) : null;
    if (aead == null) {
      throw new KeyNotFoundException(wrapped.wrappedBy() + " is unknown or retired");
    }
    try {
      return aead.decrypt(wrapped.ciphertext(), context);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("wrapped key does not authenticate under " + wrapped.wrappedBy());
    }
  }

  @Override
  public synchronized KeyVersion rotate() {
    int next = current().version() + 1;
    store.versions.put(next, newAead());
    return new KeyVersion(KEY_ID, next);
  }

  @Override
  public synchronized void retire(KeyVersion version) {
    if (version.equals(current())) {
      throw new IllegalArgumentException("cannot retire the current version " + version);
    }
    if (!KEY_ID.equals(version.keyId()) || store.versions.remove(version.version()) == null) {
      throw new KeyNotFoundException(version + " is unknown or retired");
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("provider is closed");
    }
  }

  private static Aead newAead() {
    return TinkKeysets.aead(TinkKeysets.generate(PredefinedAeadParameters.AES256_GCM));
  }
}
