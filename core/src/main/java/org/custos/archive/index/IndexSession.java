package org.custos.archive.index;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.custos.archive.blob.BlobId;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;
import org.custos.ledger.SubtreeHashes;

/**
 * The operations of one index transaction. Lists are ordered by creation unless said otherwise.
 * Valid only inside the {@link ArchiveIndex#write} or {@link ArchiveIndex#read} call that made it.
 */
public interface IndexSession {
  Optional<byte[]> setting(String name);

  void putSetting(String name, byte[] value);

  // Patients
  Optional<PatientRow> patientByIdentity(byte[] identityToken);

  Optional<PatientRow> patient(String patientId);

  void insertPatient(PatientRow row);

  void updatePatientKey(String patientId, WrappedKey wrapped);

  void updatePatientPhi(String patientId, byte[] phiSealed);

  void markIdentityConflict(String patientId);

  List<PatientRow> patients(int offset, int limit);

  /** Up to {@code limit} live patients whose key is wrapped by a root version other than {@code version}. */
  List<PatientRow> patientsNotWrappedBy(KeyVersion version, int limit);

  /** Live patients whose key is wrapped by {@code version}. */
  long countPatientsWrappedBy(KeyVersion version);

  /**
   * Keeps a tombstone of the patient (id, creation, conflict flag, shred time) and removes the
   * wrapped key, the PHI, the identity token, every blind token the patient or its studies,
   * series and instances own, their sealed attributes and their UID tokens (so that the same UIDs
   * stored again start afresh). Instances are cleared by their own patient, studies and series
   * by the study's patient. Cleared sealed columns read back as empty arrays.
   */
  void shredPatient(String patientId, Instant when);

  // Blind-index tokens (exact-match search)
  void addToken(String ownerId, BlindIndexDomain domain, byte[] token);

  List<String> ownersOf(BlindIndexDomain domain, byte[] token);

  // Studies and series
  Optional<StudyRow> studyByUid(byte[] uidToken);

  Optional<StudyRow> study(String studyId);

  void insertStudy(StudyRow row);

  void updateStudyAttributes(String studyId, byte[] attributesSealed);

  List<StudyRow> studiesOfPatient(String patientId);

  List<StudyRow> studies(int offset, int limit);

  Optional<SeriesRow> seriesByUid(byte[] uidToken);

  Optional<SeriesRow> series(String seriesId);

  void insertSeries(SeriesRow row);

  List<SeriesRow> seriesOfStudy(String studyId);

  // Instances (all versions)
  List<InstanceRow> instanceVersions(byte[] uidToken);

  Optional<InstanceRow> instance(String instanceId);

  void insertInstance(InstanceRow row);

  /** Marks a version as no longer current; call it before inserting the new current version. */
  void supersede(String instanceId);

  /** Deletes the rows (and owned tokens) of every version of the instance; returns their blob ids. */
  List<BlobId> deleteInstance(byte[] uidToken);

  /** Current versions only. */
  List<InstanceRow> instancesOfSeries(String seriesId);

  /** Current versions only. */
  List<InstanceRow> instancesOfStudy(String studyId);

  /** Every version of every instance, in storage order. */
  void forEachInstance(Consumer<InstanceRow> action);

  long countInstances();

  boolean blobReferenced(BlobId blobId);

  // Events
  long recordEvent(ArchiveEvent event);

  /** The most recent {@code limit} events (of a kind, if given), oldest first. */
  List<ArchiveEvent> events(Optional<ArchiveEvent.Kind> kind, int limit);

  List<ArchiveEvent> eventsOf(String subjectId);

  // Transparency log (docs/formats/log-entry.md). Appends serialise on the log: the first log call
  // of a write transaction takes the log's lock (PostgreSQL: a row lock) until the commit.

  /** The log's complete-subtree hashes within this transaction; appends are part of it. */
  SubtreeHashes logTree();

  void insertLogEntry(LogEntryRow row);

  Optional<LogEntryRow> logEntry(long leafIndex);

  Optional<LogEntryRow> logEntryByHash(byte[] entryHash);

  /** The leaf index whose RFC 9162 leaf hash this is, if any. */
  Optional<Long> leafIndexOf(byte[] leafHash);

  /** Entries of one owner with leaf index in [fromIndex, toIndex), by leaf index. */
  List<LogEntryRow> logEntriesOf(String ownerId, long fromIndex, long toIndex);

  /** Up to {@code limit} entries with leaf index ≥ fromIndex, in leaf order. */
  List<LogEntryRow> logEntries(long fromIndex, int limit);

  /** The entry hash at the head of an owner's chain. */
  Optional<byte[]> logHead(String ownerId);

  /**
   * Moves an owner's chain head from {@code expected} (empty: the chain is new) to {@code head};
   * returns false when another transaction moved it first (the caller retries).
   */
  boolean moveLogHead(String ownerId, Optional<byte[]> expected, byte[] head);

  void insertCheckpoint(CheckpointRow row);

  Optional<CheckpointRow> latestCheckpoint();

  Optional<CheckpointRow> checkpoint(long size);

  /** The largest checkpoint that received at least one witness cosignature. */
  Optional<CheckpointRow> latestCosignedCheckpoint();

  /** Stores a witness cosignature line for the checkpoint of {@code size} (replacing that witness's earlier one). */
  void putCosignature(long size, String witnessKeyName, String signatureLine, Instant received);

  /** The cosignature lines stored for the checkpoint of {@code size}, by witness name. */
  List<String> cosignatures(long size);

  // Queries (QIDO-RS, WADO-RS): clear-column lookups and counts, each answered through an index.

  /** Studies whose clear Study Date lies in {@code fromInclusive..toInclusive} (YYYYMMDD), by creation. */
  List<StudyRow> studiesByDate(String fromInclusive, String toInclusive);

  /** Series with this clear Modality, by creation. */
  List<SeriesRow> seriesByModality(String modality);

  /** Current instance versions of the study. */
  long countInstancesOfStudy(String studyId);

  /** Current instance versions of the series. */
  long countInstancesOfSeries(String seriesId);

  /** The first stored current instance of the series, if any. */
  Optional<InstanceRow> firstInstanceOfSeries(String seriesId);
  // API keys (org.custos.archive.principals): the secret's keyed hash only, never the secret
  void insertApiKey(ApiKeyRow row);

  Optional<ApiKeyRow> apiKey(String keyId);

  /** Every key, revoked and expired ones included, in creation order. */
  List<ApiKeyRow> apiKeys();

  /** Marks the key revoked at {@code when}; false when there is no such key or it was revoked already. */
  boolean revokeApiKey(String keyId, Instant when);
}
