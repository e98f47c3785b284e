package org.custos.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Root key → patient keys. Creates, opens and re-wraps patient keys under the
 * {@link RootKeyProvider}; the wrap context binds the patient key id. Thread-safe.
 *
 * <p>A patient key is a Tink keyset holding one AES256_GCM key; its wrapped form is the root
 * provider's wrap of Tink's binary keyset serialization with context
 * {@code "custos-patient-key/1" 0x00 patientKeyId} (docs/formats/blob.md, "Key hierarchy"), so a
 * wrapped key stored on another patient's row does not open. Service keys (one HMAC_SHA256_PRF
 * keyset) are wrapped with context {@code "custos-service-keys/1"}. Plaintext keyset bytes are
 * wiped after use; Tink's own copies inside primitives cannot be.
 */
public final class KeyHierarchy {
  private static final String PATIENT_CONTEXT = "custos-patient-key/1\0";
  private static final byte[] LOG_CONTEXT = "custos-log-keys/1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SERVICE_CONTEXT = "custos-service-keys/1".getBytes(StandardCharsets.UTF_8);

  private final RootKeyProvider root;

  public KeyHierarchy(RootKeyProvider root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** A new random patient key with a new random id. */
  public NewPatientKey createPatientKey() {
    String id = PatientKeyIds.next();
    KeysetHandle keyset = TinkKeysets.generate(PredefinedAeadParameters.AES256_GCM);
    byte[] material = TinkKeysets.serialize(keyset);
    try {
      WrappedKey wrapped = root.wrap(material, patientContext(id));
      return new NewPatientKey(new PatientKey(id, TinkKeysets.aead(keyset)), wrapped);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** @throws KeyNotFoundException if the root version is retired; IntegrityException if tampered */
  public PatientKey openPatientKey(String patientKeyId, WrappedKey wrapped) {
    PatientKeyIds.check(patientKeyId);
    byte[] material = unwrapPatient(patientKeyId, wrapped);
    String what = "patient key " + patientKeyId;
    KeysetHandle keyset = TinkKeysets.parse(material, PredefinedAeadParameters.AES256_GCM, what);
    return new PatientKey(patientKeyId, TinkKeysets.aead(keyset));
  }

  /**
   * Re-wraps under the current root version (rotation); the patient key itself is unchanged.
   * Always unwraps (so it also verifies) and produces a fresh wrap, even when {@code wrapped} is
   * already under the current version.
   */
  public WrappedKey rewrap(String patientKeyId, WrappedKey wrapped) {
    PatientKeyIds.check(patientKeyId);
    byte[] material = unwrapPatient(patientKeyId, wrapped);
    try {
      return root.wrap(material, patientContext(patientKeyId));
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** Service keys (blind-index PRF) for a new archive, wrapped under the root. */
  public WrappedKey createServiceKeys() {
    KeysetHandle keyset = TinkKeysets.generate(PredefinedPrfParameters.HMAC_SHA256_PRF);
    byte[] material = TinkKeysets.serialize(keyset);
    try {
      return root.wrap(material, SERVICE_CONTEXT);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** @throws KeyNotFoundException if the root version is retired; IntegrityException if tampered */
  public ServiceKeys openServiceKeys(WrappedKey wrapped) {
    byte[] material = root.unwrap(Objects.requireNonNull(wrapped, "wrapped"), SERVICE_CONTEXT);
    KeysetHandle keyset = TinkKeysets.parse(material, PredefinedPrfParameters.HMAC_SHA256_PRF, "service keys");
    return new ServiceKeys(new BlindIndex(TinkKeysets.prfSet(keyset)));
  }

  /** Re-wraps the service keys under the current root version; the keys are unchanged. */
  public WrappedKey rewrapServiceKeys(WrappedKey wrapped) {
    byte[] material = root.unwrap(Objects.requireNonNull(wrapped, "wrapped"), SERVICE_CONTEXT);
    try {
      return root.wrap(material, SERVICE_CONTEXT);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /**
   * The transparency log's keys for a new archive (an Ed25519 signing keyset and an AES256_GCM
   * keyset), wrapped under the root with context {@code "custos-log-keys/1"}: the material is
   * the two Tink binary keysets, each preceded by its length as 4 bytes big-endian.
   */
  public WrappedKey createLogKeys() {
    byte[] signing = TinkKeysets.serialize(TinkKeysets.generate(PredefinedSignatureParameters.ED25519WithRawOutput));
    byte[] entries = TinkKeysets.serialize(TinkKeysets.generate(PredefinedAeadParameters.AES256_GCM));
    byte[] material = ByteBuffer.allocate(8 + signing.length + entries.length)
        .putInt(signing.length).put(signing).putInt(entries.length).put(entries).array();
    try {
      return root.wrap(material, LOG_CONTEXT);
    } finally {
      Arrays.fill(signing, (byte) 0);
      Arrays.fill(entries, (byte) 0);
      Arrays.fill(material, (byte) 0);
    }
  }

  /** @throws KeyNotFoundException if the root version is retired; IntegrityException if tampered */
  public LogKeys openLogKeys(WrappedKey wrapped) {
    byte[] material = root.unwrap(Objects.requireNonNull(wrapped, "wrapped"), LOG_CONTEXT);
    try {
      ByteBuffer in = ByteBuffer.wrap(material);
      byte[] signing = lengthPrefixed(in);
      byte[] entries = lengthPrefixed(in);
      if (in.hasRemaining()) {
        throw new IntegrityException("log keys: trailing bytes after the two keysets");
      }
      KeysetHandle signer = TinkKeysets.parse(signing, PredefinedSignatureParameters.ED25519WithRawOutput,
          "log signing key");
      KeysetHandle aead = TinkKeysets.parse(entries, PredefinedAeadParameters.AES256_GCM, "log entry key");
      return new LogKeys(TinkKeysets.signer(signer), TinkKeysets.ed25519PublicKey(signer), TinkKeysets.aead(aead));
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** Re-wraps the log keys under the current root version; the keys are unchanged. */
  public WrappedKey rewrapLogKeys(WrappedKey wrapped) {
    byte[] material = root.unwrap(Objects.requireNonNull(wrapped, "wrapped"), LOG_CONTEXT);
    try {
      return root.wrap(material, LOG_CONTEXT);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  private static byte[] lengthPrefixed(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw new IntegrityException("log keys: truncated");
    }
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IntegrityException("log keys: a keyset length is out of range");
    }
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  public RootKeyProvider root() {
    return root;
  }

  private byte[] unwrapPatient(String patientKeyId, WrappedKey wrapped) {
    Objects.requireNonNull(wrapped, "wrapped");
    try {
      return root.unwrap(wrapped, patientContext(patientKeyId));
    } catch (IntegrityException e) {
      throw new IntegrityException("patient key " + patientKeyId + ": " + e.getMessage(), e);
    }
  }

  static byte[] patientContext(String patientKeyId) {
    return (PATIENT_CONTEXT + patientKeyId).getBytes(StandardCharsets.UTF_8);
  }
}
