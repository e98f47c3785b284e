package org.custos.archive.index;

import java.time.Instant;
import java.util.Optional;

/**
 * One study of one patient. {@code studyDate} (YYYYMMDD) stays clear for range queries; the
 * study's attributes (UID, accession number, description, referring physician…) are sealed.
 */
public record StudyRow(
    String studyId,
    String patientId,
    byte[] uidToken,
    byte[] attributesSealed,
    Optional<String> studyDate,
    Instant created) {

  @Override
  public String toString() {
    return "StudyRow[" + studyId + "]";
  }
}
