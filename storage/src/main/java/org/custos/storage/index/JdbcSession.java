package org.custos.storage.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.custos.archive.NotFoundException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.ApiKeyRow;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.CheckpointRow;
import org.custos.archive.index.LogEntryRow;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;
import org.custos.ledger.SubtreeHashes;

/**
 * One transaction's view of the index, shared by both databases. Fails fast with {@link
 * IllegalStateException} when used after its transaction ended or when a read transaction attempts
 * a write; with {@link NotFoundException} when an update names a row that does not exist (or a
 * shredded patient's key or PHI). Not thread-safe: use it from the thread that runs the work.
 */
final class JdbcSession implements IndexSession {
  private final boolean write;
  private final SettingTable settings;
  private final PatientTable patients;
  private final TokenTable tokens;
  private final StudyTable studies;
  private final SeriesTable series;
  private final InstanceTable instances;
  private final EventTable events;
  private final LogNodeTable logNodes;
  private final LogEntryTable logEntries;
  private final LogCheckpointTable checkpoints;
  private final QueryTable queries;
  private final ApiKeyTable apiKeys;
  private boolean ended;

  JdbcSession(SqlRunner sql, boolean write) {
    this.write = write;
    this.settings = new SettingTable(sql);
    this.patients = new PatientTable(sql);
    this.tokens = new TokenTable(sql);
    this.studies = new StudyTable(sql);
    this.series = new SeriesTable(sql);
    this.instances = new InstanceTable(sql);
    this.events = new EventTable(sql);
    this.logNodes = new LogNodeTable(sql, write);
    this.logEntries = new LogEntryTable(sql);
    this.checkpoints = new LogCheckpointTable(sql);
    this.queries = new QueryTable(sql);
    this.apiKeys = new ApiKeyTable(sql);
  }

  void end() {
    ended = true;
  }

  @Override
  public Optional<byte[]> setting(String name) {
    return reading(() -> settings.get(name), name);
  }

  @Override
  public void putSetting(String name, byte[] value) {
    writing("putSetting", name, value);
    settings.put(name, value);
  }

  @Override
  public Optional<PatientRow> patientByIdentity(byte[] identityToken) {
    return reading(() -> patients.byIdentity(identityToken), identityToken);
  }

  @Override
  public Optional<PatientRow> patient(String patientId) {
    return reading(() -> patients.byId(patientId), patientId);
  }

  @Override
  public void insertPatient(PatientRow row) {
    writing("insertPatient", row);
    patients.insert(row);
  }

  @Override
  public void updatePatientKey(String patientId, WrappedKey wrapped) {
    writing("updatePatientKey", patientId, wrapped);
    found(patients.updateKey(patientId, wrapped), "live patient " + patientId);
  }

  @Override
  public void updatePatientPhi(String patientId, byte[] phiSealed) {
    writing("updatePatientPhi", patientId, phiSealed);
    found(patients.updatePhi(patientId, phiSealed), "live patient " + patientId);
  }

  @Override
  public void markIdentityConflict(String patientId) {
    writing("markIdentityConflict", patientId);
    found(patients.markIdentityConflict(patientId), "patient " + patientId);
  }

  @Override
  public List<PatientRow> patients(int offset, int limit) {
    checkPage(offset, limit);
    return reading(() -> patients.page(offset, limit));
  }

  @Override
  public List<PatientRow> patientsNotWrappedBy(KeyVersion version, int limit) {
    checkPage(0, limit);
    return reading(() -> patients.notWrappedBy(version, limit), version);
  }

  @Override
  public long countPatientsWrappedBy(KeyVersion version) {
    return reading(() -> patients.countWrappedBy(version), version);
  }

  @Override
  public void shredPatient(String patientId, Instant when) {
    writing("shredPatient", patientId, when);
    found(patients.shred(patientId, when), "patient " + patientId);
    tokens.deleteOfPatient(patientId);
    instances.shred(patientId);
    series.shred(patientId);
    studies.shred(patientId);
  }

  @Override
  public void addToken(String ownerId, BlindIndexDomain domain, byte[] token) {
    writing("addToken", ownerId, domain, token);
    tokens.add(ownerId, domain, token);
  }

  @Override
  public List<String> ownersOf(BlindIndexDomain domain, byte[] token) {
    return reading(() -> tokens.owners(domain, token), domain, token);
  }

  @Override
  public Optional<StudyRow> studyByUid(byte[] uidToken) {
    return reading(() -> studies.byUid(uidToken), uidToken);
  }

  @Override
  public Optional<StudyRow> study(String studyId) {
    return reading(() -> studies.byId(studyId), studyId);
  }

  @Override
  public void insertStudy(StudyRow row) {
    writing("insertStudy", row);
    studies.insert(row);
  }

  @Override
  public void updateStudyAttributes(String studyId, byte[] attributesSealed) {
    writing("updateStudyAttributes", studyId, attributesSealed);
    found(studies.updateAttributes(studyId, attributesSealed), "study " + studyId);
  }

  @Override
  public List<StudyRow> studiesOfPatient(String patientId) {
    return reading(() -> studies.ofPatient(patientId), patientId);
  }

  @Override
  public List<StudyRow> studies(int offset, int limit) {
    checkPage(offset, limit);
    return reading(() -> studies.page(offset, limit));
  }

  @Override
  public Optional<SeriesRow> seriesByUid(byte[] uidToken) {
    return reading(() -> series.byUid(uidToken), uidToken);
  }

  @Override
  public Optional<SeriesRow> series(String seriesId) {
    return reading(() -> series.byId(seriesId), seriesId);
  }

  @Override
  public void insertSeries(SeriesRow row) {
    writing("insertSeries", row);
    series.insert(row);
  }

  @Override
  public List<SeriesRow> seriesOfStudy(String studyId) {
    return reading(() -> series.ofStudy(studyId), studyId);
  }

  @Override
  public List<InstanceRow> instanceVersions(byte[] uidToken) {
    return reading(() -> instances.versions(uidToken), uidToken);
  }

  @Override
  public Optional<InstanceRow> instance(String instanceId) {
    return reading(() -> instances.byId(instanceId), instanceId);
  }

  @Override
  public void insertInstance(InstanceRow row) {
    writing("insertInstance", row);
    instances.insert(row);
  }

  @Override
  public void supersede(String instanceId) {
    writing("supersede", instanceId);
    found(instances.supersede(instanceId), "instance " + instanceId);
  }

  /** Also deletes the blind tokens owned by the deleted versions. */
  @Override
  public List<BlobId> deleteInstance(byte[] uidToken) {
    writing("deleteInstance", uidToken);
    List<InstanceRow> versions = instances.versions(uidToken);
    for (InstanceRow version : versions) {
      tokens.deleteOfOwner(version.instanceId());
    }
    instances.delete(uidToken);
    return versions.stream().map(InstanceRow::blobId).toList();
  }

  @Override
  public List<InstanceRow> instancesOfSeries(String seriesId) {
    return reading(() -> instances.ofSeries(seriesId), seriesId);
  }

  @Override
  public List<InstanceRow> instancesOfStudy(String studyId) {
    return reading(() -> instances.ofStudy(studyId), studyId);
  }

  @Override
  public void forEachInstance(Consumer<InstanceRow> action) {
    checkOpen();
    instances.forEach(Objects.requireNonNull(action, "action"));
  }

  /** Every stored version, current or not (like {@link #forEachInstance}). */
  @Override
  public long countInstances() {
    return reading(instances::count);
  }

  @Override
  public boolean blobReferenced(BlobId blobId) {
    return reading(() -> instances.blobReferenced(blobId), blobId);
  }

  @Override
  public long recordEvent(ArchiveEvent event) {
    writing("recordEvent", event);
    return events.insert(event);
  }

  /** The most recent {@code limit} events (of that kind), oldest first. */
  @Override
  public List<ArchiveEvent> events(Optional<ArchiveEvent.Kind> kind, int limit) {
    checkPage(0, limit);
    return reading(() -> events.recent(kind, limit), kind);
  }

  @Override
  public List<ArchiveEvent> eventsOf(String subjectId) {
    return reading(() -> events.ofSubject(subjectId), subjectId);
  }

  @Override
  public SubtreeHashes logTree() {
    checkOpen();
    return new SubtreeHashes() {
      @Override
      public long size() {
        return reading(logNodes::size);
      }

      @Override
      public byte[] get(int level, long index) {
        return reading(() -> logNodes.get(level, index));
      }

      @Override
      public void append(byte[] leafHash) {
        writing("appendLogLeaf", leafHash);
        logNodes.append(leafHash);
      }
    };
  }

  @Override
  public void insertLogEntry(LogEntryRow row) {
    writing("insertLogEntry", row);
    logEntries.insert(row);
  }

  @Override
  public Optional<LogEntryRow> logEntry(long leafIndex) {
    return reading(() -> logEntries.byIndex(leafIndex));
  }

  @Override
  public Optional<LogEntryRow> logEntryByHash(byte[] entryHash) {
    return reading(() -> logEntries.byHash(entryHash), entryHash);
  }

  @Override
  public Optional<Long> leafIndexOf(byte[] leafHash) {
    return reading(() -> logNodes.leafIndexOf(leafHash), leafHash);
  }

  @Override
  public List<LogEntryRow> logEntriesOf(String ownerId, long fromIndex, long toIndex) {
    return reading(() -> logEntries.ofOwner(ownerId, fromIndex, toIndex), ownerId);
  }

  @Override
  public List<LogEntryRow> logEntries(long fromIndex, int limit) {
    checkPage(0, limit);
    return reading(() -> logEntries.page(fromIndex, limit));
  }

  @Override
  public Optional<byte[]> logHead(String ownerId) {
    return reading(() -> logEntries.head(ownerId), ownerId);
  }

  @Override
  public boolean moveLogHead(String ownerId, Optional<byte[]> expected, byte[] head) {
    writing("moveLogHead", ownerId, expected, head);
    return logEntries.moveHead(ownerId, expected, head);
  }

  @Override
  public void insertCheckpoint(CheckpointRow row) {
    writing("insertCheckpoint", row);
    checkpoints.insert(row);
  }

  @Override
  public Optional<CheckpointRow> latestCheckpoint() {
    return reading(checkpoints::latest);
  }

  @Override
  public Optional<CheckpointRow> checkpoint(long size) {
    return reading(() -> checkpoints.bySize(size));
  }

  @Override
  public Optional<CheckpointRow> latestCosignedCheckpoint() {
    return reading(checkpoints::latestCosigned);
  }

  @Override
  public void putCosignature(long size, String witnessKeyName, String signatureLine, Instant received) {
    writing("putCosignature", witnessKeyName, signatureLine, received);
    checkpoints.putCosignature(size, witnessKeyName, signatureLine, received);
  }

  @Override
  public List<String> cosignatures(long size) {
    return reading(() -> checkpoints.cosignatures(size));
  }

  @Override
  public void insertApiKey(ApiKeyRow row) {
    writing("insertApiKey", row);
    apiKeys.insert(row);
  }

  @Override
  public Optional<ApiKeyRow> apiKey(String keyId) {
    return reading(() -> apiKeys.byId(keyId), keyId);
  }

  @Override
  public List<ApiKeyRow> apiKeys() {
    return reading(apiKeys::all);
  }

  @Override
  public boolean revokeApiKey(String keyId, Instant when) {
    writing("revokeApiKey", keyId, when);
    return apiKeys.revoke(keyId, when);
  }

  private <T> T reading(Supplier<T> query, Object... arguments) {
    checkOpen();
    requireAll(arguments);
    return query.get();
  }

  private void writing(String operation, Object... arguments) {
    checkOpen();
    if (!write) {
      throw new IllegalStateException(operation + " needs a write transaction, this is a read");
    }
    requireAll(arguments);
  }

  private void checkOpen() {
    if (ended) {
      throw new IllegalStateException("index session used after its transaction ended");
    }
  }

  private static void requireAll(Object... arguments) {
    for (int i = 0; i < arguments.length; i++) {
      Objects.requireNonNull(arguments[i], "argument " + (i + 1) + " is null");
    }
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
  }

  private static void found(int rows, String what) {
    if (rows == 0) {
      throw new NotFoundException("no " + what);
    }
  }

  // Queries (QIDO-RS, WADO-RS)

  @Override
  public List<StudyRow> studiesByDate(String fromInclusive, String toInclusive) {
    return reading(() -> queries.studiesByDate(fromInclusive, toInclusive), fromInclusive, toInclusive);
  }

  @Override
  public List<SeriesRow> seriesByModality(String modality) {
    return reading(() -> queries.seriesByModality(modality), modality);
  }

  @Override
  public long countInstancesOfStudy(String studyId) {
    return reading(() -> queries.countOfStudy(studyId), studyId);
  }

  @Override
  public long countInstancesOfSeries(String seriesId) {
    return reading(() -> queries.countOfSeries(seriesId), seriesId);
  }

  @Override
  public Optional<InstanceRow> firstInstanceOfSeries(String seriesId) {
    return reading(() -> queries.firstOfSeries(seriesId), seriesId);
  }
}
