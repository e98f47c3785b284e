package org.custos.archive.index;

import java.time.Instant;
import java.util.Optional;
import org.custos.crypto.WrappedKey;

/**
 * One patient: identified by the blind token of (Issuer of Patient ID, Patient ID); holds the
 * patient key wrapped under the root and the patient's identifying attributes sealed under that
 * key. A shredded patient keeps only its id and shred time (no key, no PHI).
 */
public record PatientRow(
    String patientId,
    byte[] identityToken,
    Optional<WrappedKey> wrappedKey,
    Optional<byte[]> phiSealed,
    boolean identityConflict,
    Instant created,
    Optional<Instant> shredded) {

  @Override
  public String toString() {
    return "PatientRow[" + patientId + (shredded.isPresent() ? ", shredded" : "") + "]";
  }
}
