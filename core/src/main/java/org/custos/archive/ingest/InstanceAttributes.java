package org.custos.archive.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.custos.dicom.DataSet;
import org.custos.dicom.dictionary.Tags;

/**
 * The attributes ingest needs from an instance's header, validated: the four identifying UIDs
 * (rejected when missing or malformed), the patient, and the study- and series-level attributes
 * kept (sealed) in the index for search and DICOMweb metadata. Prints no values.
 */
public record InstanceAttributes(
    String sopInstanceUid,
    String sopClassUid,
    String studyInstanceUid,
    String seriesInstanceUid,
    PatientIdentity patient,
    Map<String, String> study,
    Map<String, String> series,
    String modality,
    Optional<String> studyDate) {

  /** Study-level attributes kept in the index (PS3.18 Table 10.6.1-5 study matching keys and more). */
  static final Map<String, Integer> STUDY_TAGS = ordered(
      "StudyInstanceUID", Tags.StudyInstanceUID, "StudyDate", Tags.StudyDate, "StudyTime", Tags.StudyTime,
      "AccessionNumber", Tags.AccessionNumber, "StudyID", Tags.StudyID, "StudyDescription", Tags.StudyDescription,
      "ReferringPhysicianName", Tags.ReferringPhysicianName, "InstitutionName", Tags.InstitutionName);

  /** Series-level attributes kept in the index. */
  static final Map<String, Integer> SERIES_TAGS = ordered(
      "SeriesInstanceUID", Tags.SeriesInstanceUID, "Modality", Tags.Modality, "SeriesNumber", Tags.SeriesNumber,
      "SeriesDescription", Tags.SeriesDescription, "BodyPartExamined", Tags.BodyPartExamined,
      "SeriesDate", Tags.SeriesDate);

  public InstanceAttributes {
    Objects.requireNonNull(patient, "patient");
    study = Map.copyOf(study);
    series = Map.copyOf(series);
  }

  /** @throws InstanceRejectedException when a required UID is missing or not a valid UID */
  public static InstanceAttributes of(DataSet dataSet) {
    String sopInstance = requiredUid(dataSet, Tags.SOPInstanceUID, "SOP Instance UID (0008,0018)");
    String sopClass = requiredUid(dataSet, Tags.SOPClassUID, "SOP Class UID (0008,0016)");
    String study = requiredUid(dataSet, Tags.StudyInstanceUID, "Study Instance UID (0020,000D)");
    String series = requiredUid(dataSet, Tags.SeriesInstanceUID, "Series Instance UID (0020,000E)");
    String modality = dataSet.getString(Tags.Modality).map(String::strip).orElse("");
    Optional<String> date = dataSet.getString(Tags.StudyDate).map(String::strip).flatMap(InstanceAttributes::rangeDate);
    return new InstanceAttributes(sopInstance, sopClass, study, series, PatientIdentity.of(dataSet),
        values(dataSet, STUDY_TAGS), values(dataSet, SERIES_TAGS), modality, date);
  }

  /**
   * The Study Date as YYYYMMDD for the index's range search: the DA form, or the ACR-NEMA form
   * YYYY.MM.DD that PS3.5 6.2 (DA) still asks readers to accept from older equipment; anything else
   * is kept in the sealed attributes only.
   */
  static Optional<String> rangeDate(String value) {
    if (value.matches("\\d{8}")) {
      return Optional.of(value);
    }
    if (value.matches("\\d{4}\\.\\d{2}\\.\\d{2}")) {
      return Optional.of(value.replace(".", ""));
    }
    return Optional.empty();
  }

  static String requiredUid(DataSet dataSet, int tag, String name) {
    String uid = dataSet.getString(tag).map(String::strip).orElse("");
    if (uid.isEmpty()) {
      throw new InstanceRejectedException(RejectReason.MISSING_ATTRIBUTE, name + " is missing or empty");
    }
    // PS3.5 9.1: components of digits separated by '.', at most 64 characters.
    if (uid.length() > 64 || !uid.matches("[0-9]+(\\.[0-9]+)*")) {
      throw new InstanceRejectedException(RejectReason.INVALID_ATTRIBUTE,
          name + " is not a valid UID (" + uid.length() + " characters; PS3.5 9.1 allows digits and dots, at most 64)");
    }
    return uid;
  }

  private static Map<String, String> values(DataSet dataSet, Map<String, Integer> tags) {
    Map<String, String> values = new LinkedHashMap<>();
    tags.forEach((keyword, tag) -> {
      String value = String.join("\\", dataSet.getStrings(tag)).strip();
      if (!value.isEmpty()) {
        values.put(keyword, value);
      }
    });
    return values;
  }

  private static Map<String, Integer> ordered(Object... pairs) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  public List<String> accessionNumbers() {
    return Optional.ofNullable(study.get("AccessionNumber")).map(List::of).orElse(List.of());
  }

  @Override
  public String toString() {
    return "InstanceAttributes[redacted]";
  }
}
