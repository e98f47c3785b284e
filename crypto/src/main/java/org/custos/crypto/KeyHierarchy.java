package org.custos.crypto;

/**
 * Root key → patient keys. Creates, opens and re-wraps patient keys under the
 * {@link RootKeyProvider}; the wrap context binds the patient key id. Thread-safe.
 */
public final class KeyHierarchy {
  public KeyHierarchy(RootKeyProvider root) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** A new random patient key with a new random id. */
  public NewPatientKey createPatientKey() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** @throws KeyNotFoundException if the root version is retired; IntegrityException if tampered */
  public PatientKey openPatientKey(String patientKeyId, WrappedKey wrapped) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Re-wraps under the current root version (rotation); the patient key itself is unchanged. */
  public WrappedKey rewrap(String patientKeyId, WrappedKey wrapped) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Service keys (blind-index PRF) for a new archive, wrapped under the root. */
  public WrappedKey createServiceKeys() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public ServiceKeys openServiceKeys(WrappedKey wrapped) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public WrappedKey rewrapServiceKeys(WrappedKey wrapped) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public RootKeyProvider root() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
