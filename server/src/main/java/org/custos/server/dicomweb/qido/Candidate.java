package org.custos.server.dicomweb.qido;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.custos.archive.StorageException;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.archive.ingest.InstanceMetadata;
import org.custos.archive.query.QuerySession;
import org.custos.dicom.Tag;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebUrls;

/**
 * One study, series or instance a search considers, with its attributes looked up lazily and
 * cheapest first: computed and clear values (counts, modalities, Study Date, Modality, SOP Class
 * UID) need no decryption; the patient's, study's and series' kept attributes one AEAD open each;
 * the instance's sealed metadata one open and a JSON parse; anything else is taken from a
 * representative instance (the first one stored) and costs the same again. Not thread-safe; valid
 * inside its {@link QuerySession}. Holds PHI once opened.
 */
final class Candidate {
  /** Reads numbers as written: DS and IS values keep every digit (PS3.18 F.2.3). */
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private final QuerySession q;
  private final DicomWebUrls urls;
  private final QueryLevel level;
  private final StudyRow study;
  private final Optional<SeriesRow> series;
  private final Optional<InstanceRow> instance;

  private Optional<Map<String, String>> patient;
  private Map<String, String> studyAttributes;
  private Map<String, String> seriesAttributes;
  private StudyCounts counts;
  private long seriesInstances = -1;
  private Optional<Metadata> metadata;

  /** Number of series and instances of a study, and its modalities; series without instances left out. */
  record StudyCounts(int series, long instances, List<String> modalities) {}

  /** An opened metadata object and the UIDs its bulk data URLs need. */
  private record Metadata(ObjectNode json, String seriesUid, String sopInstanceUid) {}

  Candidate(QuerySession q, DicomWebUrls urls, QueryLevel level, StudyRow study, Optional<SeriesRow> series,
      Optional<InstanceRow> instance) {
    this.q = q;
    this.urls = urls;
    this.level = level;
    this.study = study;
    this.series = series;
    this.instance = instance;
  }

  StudyRow study() {
    return study;
  }

  /** Whether the candidate can be shown at all: its patient is live and it holds current instances. */
  boolean isLive() {
    if (patient().isEmpty() || instance.isPresent() && !q.isLive(instance.get().patientId())) {
      return false;
    }
    return switch (level) {
      case STUDY -> counts().instances() > 0;
      case SERIES -> seriesInstances() > 0;
      case INSTANCE -> true;
    };
  }

  String studyUid() {
    return studyAttributes().getOrDefault("StudyInstanceUID", "");
  }

  /** The candidate's value of the attribute, empty when it has none. */
  Optional<JsonNode> find(AttributeKey key) {
    int tag = key.tag();
    Optional<JsonNode> computed = computed(tag);
    if (computed.isPresent()) {
      return computed;
    }
    String keyword = key.keyword();
    if (!keyword.isEmpty()) {
      String value = patient().orElse(Map.of()).get(keyword);
      if (value == null) {
        value = studyAttributes().get(keyword);
      }
      if (value == null && level != QueryLevel.STUDY) {
        value = seriesAttributes().get(keyword);
      }
      if (value != null) {
        return Optional.of(JsonElements.ofText(key.vr(), value));
      }
    }
    return metadata().map(m -> m.json().get(key.hex()));
  }

  /** Every top-level element of the metadata this level reads (the instance's, or its representative's). */
  Iterator<Map.Entry<String, JsonNode>> metadataElements() {
    return metadata().map(m -> m.json().fields()).orElse(Collections.emptyIterator());
  }

  /** Cost class of finding {@code tag}: 0 computed or clear, 1 kept in the index, 2 metadata. */
  static int cost(AttributeKey key) {
    return switch (key.tag()) {
      case Tags.ModalitiesInStudy, Tags.NumberOfStudyRelatedSeries, Tags.NumberOfStudyRelatedInstances,
          Tags.NumberOfSeriesRelatedInstances, Tags.StudyDate, Tags.Modality, Tags.SOPClassUID,
          Tags.InstanceAvailability -> 0;
      case Tags.PatientName, Tags.PatientID, Tags.IssuerOfPatientID, Tags.PatientBirthDate, Tags.PatientSex,
          Tags.StudyInstanceUID, Tags.StudyTime, Tags.AccessionNumber, Tags.StudyID, Tags.StudyDescription,
          Tags.ReferringPhysicianName, Tags.InstitutionName, Tags.SeriesInstanceUID, Tags.SeriesNumber,
          Tags.SeriesDescription, Tags.BodyPartExamined, Tags.SeriesDate -> 1;
      default -> 2;
    };
  }

  private Optional<JsonNode> computed(int tag) {
    switch (tag) {
      case Tags.ModalitiesInStudy:
        return Optional.of(JsonElements.ofStrings(Vr.CS, counts().modalities()));
      case Tags.NumberOfStudyRelatedSeries:
        return Optional.of(JsonElements.ofNumber(Vr.IS, counts().series()));
      case Tags.NumberOfStudyRelatedInstances:
        return Optional.of(JsonElements.ofNumber(Vr.IS, counts().instances()));
      case Tags.NumberOfSeriesRelatedInstances:
        return level == QueryLevel.STUDY ? Optional.empty()
            : Optional.of(JsonElements.ofNumber(Vr.IS, seriesInstances()));
      case Tags.InstanceAvailability:
        return Optional.of(JsonElements.ofStrings(Vr.CS, List.of("ONLINE")));
      case Tags.RetrieveURL:
        return retrieveUrl().map(url -> JsonElements.ofStrings(Vr.UR, List.of(url)));
      case Tags.StudyDate:
        return study.studyDate().map(date -> JsonElements.ofStrings(Vr.DA, List.of(date)));
      case Tags.Modality:
        return series.map(SeriesRow::modality).filter(m -> !m.isEmpty())
            .map(m -> JsonElements.ofStrings(Vr.CS, List.of(m)));
      case Tags.SOPClassUID:
        return instance.map(row -> JsonElements.ofStrings(Vr.UI, List.of(row.sopClassUid())));
      default:
        return Optional.empty();
    }
  }

  private Optional<String> retrieveUrl() {
    String studyUid = studyUid();
    if (studyUid.isEmpty()) {
      return Optional.empty();
    }
    return switch (level) {
      case STUDY -> Optional.of(urls.study(studyUid));
      case SERIES -> Optional.ofNullable(seriesAttributes().get("SeriesInstanceUID"))
          .map(seriesUid -> urls.series(studyUid, seriesUid));
      case INSTANCE -> metadata().filter(m -> !m.sopInstanceUid().isEmpty())
          .map(m -> urls.instance(studyUid, m.seriesUid(), m.sopInstanceUid()));
    };
  }

  private Optional<Map<String, String>> patient() {
    if (patient == null) {
      patient = q.patient(study.patientId());
    }
    return patient;
  }

  private Map<String, String> studyAttributes() {
    if (studyAttributes == null) {
      studyAttributes = q.studyAttributes(study);
    }
    return studyAttributes;
  }

  private Map<String, String> seriesAttributes() {
    if (seriesAttributes == null) {
      seriesAttributes = series.map(q::seriesAttributes).orElse(Map.of());
    }
    return seriesAttributes;
  }

  StudyCounts counts() {
    if (counts == null) {
      int seriesCount = 0;
      long instances = 0;
      TreeSet<String> modalities = new TreeSet<>();
      for (SeriesRow s : q.seriesOfStudy(study.studyId())) {
        long n = q.countInstancesOfSeries(s.seriesId());
        if (n > 0) {
          seriesCount++;
          instances += n;
          if (!s.modality().isEmpty()) {
            modalities.add(s.modality());
          }
        }
      }
      counts = new StudyCounts(seriesCount, instances, List.copyOf(modalities));
    }
    return counts;
  }

  private long seriesInstances() {
    if (seriesInstances < 0) {
      seriesInstances = series.map(s -> q.countInstancesOfSeries(s.seriesId())).orElse(0L);
    }
    return seriesInstances;
  }

  /** The instance's metadata, or at study and series level a representative instance's. */
  private Optional<Metadata> metadata() {
    if (metadata == null) {
      Optional<InstanceRow> row = instance.isPresent() ? instance : representative();
      metadata = row.flatMap(r -> q.metadata(r).map(bytes -> open(r, bytes)));
    }
    return metadata;
  }

  private Optional<InstanceRow> representative() {
    if (series.isPresent()) {
      return q.firstInstanceOfSeries(series.get().seriesId());
    }
    for (SeriesRow s : q.seriesOfStudy(study.studyId())) {
      Optional<InstanceRow> first = q.firstInstanceOfSeries(s.seriesId());
      if (first.isPresent()) {
        return first;
      }
    }
    return Optional.empty();
  }

  private Metadata open(InstanceRow row, byte[] bytes) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(bytes);
      String seriesUid = json.path(Tag.toHex(Tags.SeriesInstanceUID)).path("Value").path(0).asText("");
      String sopUid = json.path(Tag.toHex(Tags.SOPInstanceUID)).path("Value").path(0).asText("");
      String studyUid = studyUid();
      rewriteBulkData(json, studyUid, seriesUid, sopUid);
      return new Metadata(json, seriesUid, sopUid);
    } catch (IOException | ClassCastException e) {
      throw new StorageException("sealed metadata of " + row.instanceId() + " is not a DICOM JSON object", e);
    }
  }

  /** Turns ingest's placeholders into the bulk data URLs of PS3.18 F.2.6. */
  private void rewriteBulkData(JsonNode node, String studyUid, String seriesUid, String sopUid) {
    if (node.isObject()) {
      JsonNode uri = node.get("BulkDataURI");
      if (uri != null && uri.isTextual() && uri.asText().startsWith(InstanceMetadata.BULK_PREFIX)) {
        ((ObjectNode) node).put("BulkDataURI", urls.bulkData(studyUid, seriesUid, sopUid,
            uri.asText().substring(InstanceMetadata.BULK_PREFIX.length())));
      }
    }
    for (JsonNode child : node) {
      rewriteBulkData(child, studyUid, seriesUid, sopUid);
    }
  }

  @Override
  public String toString() {
    return "Candidate[" + level + " of " + study.studyId() + "]";
  }
}
