package org.custos.archive.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.NotFoundException;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.index.PatientRow;
import org.custos.crypto.BlindIndex;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.KeyNotFoundException;
import org.custos.crypto.LogKeys;
import org.custos.crypto.NewPatientKey;
import org.custos.crypto.PatientKey;
import org.custos.crypto.PatientKeyResolver;
import org.custos.crypto.ServiceKeys;
import org.custos.crypto.WrappedKey;

/**
 * The keys the archive works with. On first open it creates the archive's service keys and log keys
 * and stores them wrapped (settings {@value #SERVICE_KEYS}, {@value #LOG_KEYS}); patient keys are unwrapped on demand and kept in
 * a bounded LRU cache ({@value #CACHE_SIZE} keys) that shredding and rotation clear. Thread-safe.
 */
public final class ArchiveKeys implements PatientKeyResolver {
  public static final String SERVICE_KEYS = "service-keys";
  public static final String LOG_KEYS = "log-keys";
  static final int CACHE_SIZE = 4096;

  private final KeyHierarchy hierarchy;
  private final ArchiveIndex index;
  private final ServiceKeys serviceKeys;
  private final LogKeys logKeys;
  private final Map<String, PatientKey> cache = new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PatientKey> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  public ArchiveKeys(KeyHierarchy hierarchy, ArchiveIndex index) {
    this.hierarchy = hierarchy;
    this.index = index;
    this.serviceKeys = hierarchy.openServiceKeys(index.write(session -> {
      Optional<byte[]> stored = session.setting(SERVICE_KEYS);
      if (stored.isPresent()) {
        return WrappedKeyCodec.decode(stored.get());
      }
      WrappedKey created = hierarchy.createServiceKeys();
      session.putSetting(SERVICE_KEYS, WrappedKeyCodec.encode(created));
      return created;
    }));
    this.logKeys = hierarchy.openLogKeys(index.write(session -> {
      Optional<byte[]> stored = session.setting(LOG_KEYS);
      if (stored.isPresent()) {
        return WrappedKeyCodec.decode(stored.get());
      }
      WrappedKey created = hierarchy.createLogKeys();
      session.putSetting(LOG_KEYS, WrappedKeyCodec.encode(created));
      return created;
    }));
  }

  /** The transparency log's signing and entry keys (setting {@value #LOG_KEYS}). */
  public LogKeys log() {
    return logKeys;
  }

  public KeyHierarchy hierarchy() {
    return hierarchy;
  }

  public BlindIndex blind() {
    return serviceKeys.blindIndex();
  }

  public byte[] token(BlindIndexDomain domain, String value) {
    return serviceKeys.blindIndex().token(domain, value);
  }

  public NewPatientKey newPatientKey() {
    return hierarchy.createPatientKey();
  }

  /** Opens the key of a live patient row (cached). */
  public PatientKey patientKey(PatientRow row) {
    synchronized (cache) {
      PatientKey cached = cache.get(row.patientId());
      if (cached != null) {
        return cached;
      }
    }
    WrappedKey wrapped = row.wrappedKey()
        .orElseThrow(() -> new KeyNotFoundException("patient " + row.patientId() + " was shredded: no key"));
    PatientKey key = hierarchy.openPatientKey(row.patientId(), wrapped);
    remember(row.patientId(), key);
    return key;
  }

  public void remember(String patientId, PatientKey key) {
    synchronized (cache) {
      cache.put(patientId, key);
    }
  }

  /** Resolves the patient key a blob header names, from the index. */
  @Override
  public PatientKey resolve(String patientKeyId) {
    synchronized (cache) {
      PatientKey cached = cache.get(patientKeyId);
      if (cached != null) {
        return cached;
      }
    }
    PatientRow row = index.read(session -> session.patient(patientKeyId))
        .orElseThrow(() -> new NotFoundException("no patient " + patientKeyId));
    return patientKey(row);
  }

  public void forget(String patientId) {
    synchronized (cache) {
      cache.remove(patientId);
    }
  }

  public void forgetAll() {
    synchronized (cache) {
      cache.clear();
    }
  }
}
