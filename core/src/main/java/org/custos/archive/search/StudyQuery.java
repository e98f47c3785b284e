package org.custos.archive.search;

import java.util.Optional;

/**
 * Criteria for finding studies; all present criteria must hold. {@code patientName} matches when
 * every word of it is a word of the name (case-insensitive); {@code *} and {@code ?} wildcards in
 * it are matched against the opened names instead. Dates are YYYYMMDD, inclusive.
 */
public record StudyQuery(
    Optional<String> patientId,
    Optional<String> patientName,
    Optional<String> accessionNumber,
    Optional<String> studyInstanceUid,
    Optional<String> dateFrom,
    Optional<String> dateTo,
    Optional<String> modality,
    int offset,
    int limit) {

  public StudyQuery {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + "/" + limit);
    }
  }

  public static StudyQuery all(int offset, int limit) {
    return new StudyQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), offset, limit);
  }

  public StudyQuery withPatientId(String value) {
    return new StudyQuery(Optional.of(value), patientName, accessionNumber, studyInstanceUid, dateFrom, dateTo, modality,
        offset, limit);
  }

  public StudyQuery withPatientName(String value) {
    return new StudyQuery(patientId, Optional.of(value), accessionNumber, studyInstanceUid, dateFrom, dateTo, modality,
        offset, limit);
  }

  public StudyQuery withAccessionNumber(String value) {
    return new StudyQuery(patientId, patientName, Optional.of(value), studyInstanceUid, dateFrom, dateTo, modality,
        offset, limit);
  }

  public StudyQuery withStudyInstanceUid(String value) {
    return new StudyQuery(patientId, patientName, accessionNumber, Optional.of(value), dateFrom, dateTo, modality,
        offset, limit);
  }

  public StudyQuery withDates(String from, String to) {
    return new StudyQuery(patientId, patientName, accessionNumber, studyInstanceUid, Optional.of(from), Optional.of(to),
        modality, offset, limit);
  }

  public StudyQuery withModality(String value) {
    return new StudyQuery(patientId, patientName, accessionNumber, studyInstanceUid, dateFrom, dateTo, Optional.of(value),
        offset, limit);
  }

  boolean usesTokens() {
    return patientId.isPresent() || accessionNumber.isPresent() || studyInstanceUid.isPresent()
        || patientName.filter(name -> !StudySearch.hasWildcard(name)).isPresent();
  }

  @Override
  public String toString() {
    return "StudyQuery[criteria redacted, offset=" + offset + ", limit=" + limit + "]";
  }
}
