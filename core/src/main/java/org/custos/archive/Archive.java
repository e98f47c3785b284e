package org.custos.archive;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.IngestSource;
import org.custos.archive.ingest.StagedIngest;
import org.custos.archive.ingest.Ingestor;
import org.custos.archive.ingest.PatientIdentity;
import org.custos.archive.keys.ArchiveKeys;
import org.custos.archive.lifecycle.InstanceDeleter;
import org.custos.archive.lifecycle.PatientShredder;
import org.custos.archive.lifecycle.Recovery;
import org.custos.archive.lifecycle.RootKeyRotation;
import org.custos.archive.log.LogSettings;
import org.custos.archive.log.ReadRecorder;
import org.custos.archive.log.TransparencyLog;
import org.custos.archive.retrieve.Retriever;
import org.custos.archive.search.StudyQuery;
import org.custos.archive.search.StudySearch;
import org.custos.archive.search.StudySummary;
import org.custos.archive.verify.LogVerifier;
import org.custos.archive.verify.Verifier;
import org.custos.archive.verify.VerifyProblem;
import org.custos.archive.verify.VerifyReport;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.BlobCipher;
import org.custos.crypto.KeyHierarchy;

/**
 * The archive service (DESIGN.md "archive: ingest · retrieve · search · delete/shred · verify"),
 * free of any transport or storage technology: it works through the {@link BlobStore} and
 * {@link ArchiveIndex} ports and the key hierarchy. Thread-safe. Closing it closes the store and
 * the index (the root key provider belongs to the caller).
 */
public final class Archive implements AutoCloseable {
  static final String ARCHIVE_ID = "archive-id";

  private final ArchiveContext context;
  private final Ingestor ingestor;
  private final Retriever retriever;

  private Archive(ArchiveContext context) {
    this.context = context;
    this.ingestor = new Ingestor(context);
    this.retriever = new Retriever(context);
  }

  /** Opens an archive, creating its id and service keys on first use. */
  public static Archive open(BlobStore blobs, ArchiveIndex index, KeyHierarchy keys, Clock clock) {
    return open(blobs, index, keys, clock, LogSettings.defaults());
  }

  /** Opens an archive whose log has these settings (origin, accepted witnesses). */
  public static Archive open(BlobStore blobs, ArchiveIndex index, KeyHierarchy keys, Clock clock, LogSettings log) {
    String archiveId = index.write(session -> session.setting(ARCHIVE_ID)
        .map(bytes -> new String(bytes, StandardCharsets.US_ASCII))
        .orElseGet(() -> {
          String id = "ar-" + UUID.randomUUID();
          session.putSetting(ARCHIVE_ID, id.getBytes(StandardCharsets.US_ASCII));
          return id;
        }));
    ArchiveKeys archiveKeys = new ArchiveKeys(keys, index);
    TransparencyLog transparencyLog = new TransparencyLog(index, archiveKeys, clock, archiveId, log);
    return new Archive(new ArchiveContext(archiveId, blobs, index, archiveKeys, new BlobCipher(), clock, transparencyLog));
  }

  public String archiveId() {
    return context.archiveId();
  }

  public ArchiveContext context() {
    return context;
  }

  /** See {@link Ingestor#ingest}. */
  public IngestReceipt ingest(InputStream in, IngestSource source) {
    return ingestor.ingest(in, source);
  }

  /** See {@link Ingestor#stage}: the first half of an ingest, finished on any thread. */
  public StagedIngest stage(InputStream in, IngestSource source) {
    return ingestor.stage(in, source);
  }

  public Retriever retriever() {
    return retriever;
  }

  /** The current version's bytes, seal-checked while read. */
  public InputStream retrieve(String sopInstanceUid) {
    return retriever.open(sopInstanceUid);
  }

  /**
   * Records in the transparency log that {@code access} read a study ({@code action}); call it
   * once per request and study, before any of the study's data is returned. If the record cannot
   * be made durable this throws, and the caller must not serve the data (fail closed).
   */
  public void recordRead(Access access, ReadAction action, String studyInstanceUid) {
    java.util.Objects.requireNonNull(access, "access");
    java.util.Objects.requireNonNull(action, "action");
    java.util.Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
    new ReadRecorder(context).record(access, action, studyInstanceUid);
  }

  /** {@link #recordRead} for several studies at once, in one transaction (search results). */
  public void recordReads(Access access, ReadAction action, java.util.Collection<String> studyInstanceUids) {
    java.util.Objects.requireNonNull(access, "access");
    java.util.Objects.requireNonNull(action, "action");
    new ReadRecorder(context).recordAll(access, action, studyInstanceUids);
  }

  /** The transparency log: checkpoints, proofs, cosignatures, receipts. */
  public TransparencyLog log() {
    return context.log();
  }

  /**
   * A receipt of the patient's log entries (docs/formats/receipt.md), recording first that
   * {@code access} asked for it.
   */
  public Map<String, Object> receipt(String patientId, Access access) {
    new ReadRecorder(context).recordPatient(access, ReadAction.RECEIPT, patientId);
    return context.log().receipt(patientId);
  }

  public List<InstanceRow> versions(String sopInstanceUid) {
    return retriever.versions(sopInstanceUid);
  }

  public List<StudySummary> search(StudyQuery query) {
    return new StudySearch(context).find(query);
  }

  /** Current instances of a study, for export. */
  public List<InstanceRow> instancesOfStudy(String studyInstanceUid) {
    byte[] token = context.keys().token(BlindIndexDomain.STUDY_INSTANCE_UID, studyInstanceUid);
    return context.index().read(session -> session.studyByUid(token)
        .map(study -> session.instancesOfStudy(study.studyId())).orElse(List.of()));
  }

  public List<PatientRow> patients(int offset, int limit) {
    return context.index().read(session -> session.patients(offset, limit));
  }

  /** The live patient with this Patient ID and issuer, if any. */
  public Optional<PatientRow> patientByIdentity(String patientId, String issuer) {
    byte[] token = context.keys().token(BlindIndexDomain.PATIENT_IDENTITY,
        new PatientIdentity(patientId, issuer, "", "", "").identityKey());
    return context.index().read(session -> session.patientByIdentity(token));
  }

  public int delete(String sopInstanceUid) {
    return new InstanceDeleter(context).delete(sopInstanceUid);
  }

  public Instant shred(String patientId) {
    return new PatientShredder(context).shred(patientId);
  }

  public VerifyReport verify(Consumer<Long> progress) {
    return new Verifier(context, retriever).verify(progress);
  }

  /** Problems if the log is not a consistent extension of this signed checkpoint (verify --since). */
  public List<VerifyProblem> verifyExtends(String signedCheckpoint) {
    return new LogVerifier(context).verifyExtends(signedCheckpoint);
  }

  public RootKeyRotation.Result rotateRootKey(LongConsumer progress) {
    return new RootKeyRotation(context).rotate(progress);
  }

  public Recovery.Result recover(Duration grace) {
    return new Recovery(context).recover(grace);
  }

  public List<ArchiveEvent> events(Optional<ArchiveEvent.Kind> kind, int limit) {
    return context.index().read(session -> session.events(kind, limit));
  }

  public long countInstances() {
    return context.index().read(session -> session.countInstances());
  }

  @Override
  public void close() {
    try {
      context.index().close();
    } finally {
      context.blobs().close();
    }
  }
}
