package org.custos.archive.query;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.custos.archive.ArchiveContext;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.archive.ingest.InstanceMetadata;
import org.custos.archive.ingest.NameTokens;
import org.custos.archive.keys.FieldSealer;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.PatientKey;

/**
 * One read transaction over the encrypted index for the query services: rows found by blind
 * token (UIDs, Patient ID, words of the patient name, accession number) or by clear column (Study Date,
 * Modality), walks from study to series to instances, counts, and the sealed fields opened.
 *
 * <p>Guarantees: rows of shredded patients are never opened (their lookups by token find nothing,
 * and {@link #patient} is empty for them); opened values are what ingest sealed, authenticated
 * (a value moved to another row fails to open). Lists are in creation order. Not thread-safe and
 * valid only inside {@link #read}; opened values are PHI and must not be logged.
 */
public final class QuerySession {
  private final ArchiveContext context;
  private final IndexSession index;
  private final Map<String, Optional<PatientRow>> patientRows = new HashMap<>();
  private final Map<String, Optional<Map<String, String>>> patients = new HashMap<>();
  private final Map<String, Optional<StudyRow>> studies = new HashMap<>();

  private QuerySession(ArchiveContext context, IndexSession index) {
    this.context = context;
    this.index = index;
  }

  /** Runs {@code work} in one read transaction of the archive's index. */
  public static <T> T read(ArchiveContext context, Function<QuerySession, T> work) {
    return context.index().read(session -> work.apply(new QuerySession(context, session)));
  }

  // By blind token

  public Optional<StudyRow> studyByUid(String studyInstanceUid) {
    return index.studyByUid(token(BlindIndexDomain.STUDY_INSTANCE_UID, studyInstanceUid));
  }

  public Optional<SeriesRow> seriesByUid(String seriesInstanceUid) {
    return index.seriesByUid(token(BlindIndexDomain.SERIES_INSTANCE_UID, seriesInstanceUid));
  }

  /** The current version of the instance. */
  public Optional<InstanceRow> instanceByUid(String sopInstanceUid) {
    return index.instanceVersions(token(BlindIndexDomain.SOP_INSTANCE_UID, sopInstanceUid)).stream()
        .filter(InstanceRow::current).findFirst();
  }

  /** Patients (internal ids) whose Patient ID is exactly {@code patientId}, of any issuer. */
  public List<String> patientsWithPatientId(String patientId) {
    return index.ownersOf(BlindIndexDomain.PATIENT_ID, token(BlindIndexDomain.PATIENT_ID, patientId));
  }

  /**
   * Patients whose name holds every word of {@code name} (case, component and group separators
   * ignored: {@link NameTokens}), through the per-word tokens ingest writes; a superset of the
   * exact matches, in no particular order. Empty for a name without words.
   */
  public Set<String> patientsWithNameWords(String name) {
    Set<String> patients = null;
    for (String word : NameTokens.of(name)) {
      if (word.startsWith("=")) {
        continue; // the whole-name token: exact on all component groups at once, too strict here
      }
      List<String> owners = index.ownersOf(BlindIndexDomain.PATIENT_NAME_TOKEN,
          token(BlindIndexDomain.PATIENT_NAME_TOKEN, word));
      if (patients == null) {
        patients = new LinkedHashSet<>(owners);
      } else {
        patients.retainAll(owners);
      }
    }
    return patients == null ? Set.of() : patients;
  }

  /** Studies (internal ids) with exactly this Accession Number. */
  public List<String> studiesWithAccessionNumber(String accessionNumber) {
    return index.ownersOf(BlindIndexDomain.ACCESSION_NUMBER, token(BlindIndexDomain.ACCESSION_NUMBER, accessionNumber));
  }

  // By clear column and by owner

  /** Studies whose Study Date lies in {@code fromInclusive..toInclusive} (YYYYMMDD). */
  public List<StudyRow> studiesByDate(String fromInclusive, String toInclusive) {
    return index.studiesByDate(fromInclusive, toInclusive);
  }

  public List<SeriesRow> seriesByModality(String modality) {
    return index.seriesByModality(modality);
  }

  public List<StudyRow> studies(int offset, int limit) {
    return index.studies(offset, limit);
  }

  public List<StudyRow> studiesOfPatient(String patientId) {
    return index.studiesOfPatient(patientId);
  }

  public Optional<StudyRow> study(String studyId) {
    return studies.computeIfAbsent(studyId, index::study);
  }

  public Optional<SeriesRow> series(String seriesId) {
    return index.series(seriesId);
  }

  public List<SeriesRow> seriesOfStudy(String studyId) {
    return index.seriesOfStudy(studyId);
  }

  /** Current versions. */
  public List<InstanceRow> instancesOfSeries(String seriesId) {
    return index.instancesOfSeries(seriesId);
  }

  /** Current versions. */
  public List<InstanceRow> instancesOfStudy(String studyId) {
    return index.instancesOfStudy(studyId);
  }

  public Optional<InstanceRow> firstInstanceOfSeries(String seriesId) {
    return index.firstInstanceOfSeries(seriesId);
  }

  public long countInstancesOfStudy(String studyId) {
    return index.countInstancesOfStudy(studyId);
  }

  public long countInstancesOfSeries(String seriesId) {
    return index.countInstancesOfSeries(seriesId);
  }

  // Opened

  /** Whether the patient exists and is not shredded. */
  public boolean isLive(String patientId) {
    return patientRow(patientId).isPresent();
  }

  /**
   * The patient's identifying attributes by DICOM keyword (PatientID, IssuerOfPatientID,
   * PatientName, PatientBirthDate, PatientSex; empty values left out); empty when the patient is
   * unknown or shredded.
   */
  public Optional<Map<String, String>> patient(String patientId) {
    return patients.computeIfAbsent(patientId, id -> patientRow(id).map(row -> {
      Map<String, String> phi = FieldSealer.openMap(key(row), "patients", row.patientId(), "phi",
          row.phiSealed().orElseThrow());
      Map<String, String> keywords = new LinkedHashMap<>();
      put(keywords, "PatientName", phi.get("name"));
      put(keywords, "PatientID", phi.get("id"));
      put(keywords, "IssuerOfPatientID", phi.get("issuer"));
      put(keywords, "PatientBirthDate", phi.get("birthDate"));
      put(keywords, "PatientSex", phi.get("sex"));
      return Map.copyOf(keywords);
    }));
  }

  /**
   * The study-level attributes ingest keeps, by keyword (see
   * {@code InstanceAttributes.STUDY_TAGS}); empty when the study's patient is shredded.
   */
  public Map<String, String> studyAttributes(StudyRow study) {
    return patientRow(study.patientId())
        .map(row -> FieldSealer.openMap(key(row), "studies", study.studyId(), "attributes", study.attributesSealed()))
        .orElse(Map.of());
  }

  /** The series-level attributes ingest keeps, by keyword; empty when the patient is shredded. */
  public Map<String, String> seriesAttributes(SeriesRow series) {
    return study(series.studyId()).flatMap(study -> patientRow(study.patientId()))
        .map(row -> FieldSealer.openMap(key(row), "series", series.seriesId(), "attributes", series.attributesSealed()))
        .orElse(Map.of());
  }

  /**
   * The instance's sealed DICOM JSON (everything but bulk data above 1 KiB, which is a
   * {@value InstanceMetadata#BULK_PREFIX} placeholder), opened; empty when its patient is shredded.
   */
  public Optional<byte[]> metadata(InstanceRow instance) {
    return patientRow(instance.patientId()).map(row -> InstanceMetadata.open(key(row), instance));
  }

  private Optional<PatientRow> patientRow(String patientId) {
    return patientRows.computeIfAbsent(patientId,
        id -> index.patient(id).filter(row -> row.shredded().isEmpty() && row.phiSealed().isPresent()));
  }

  private PatientKey key(PatientRow row) {
    return context.keys().patientKey(row);
  }

  private byte[] token(BlindIndexDomain domain, String value) {
    return context.keys().token(domain, value.strip());
  }

  private static void put(Map<String, String> map, String keyword, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(keyword, value);
    }
  }
}
