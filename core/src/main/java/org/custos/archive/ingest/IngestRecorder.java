package org.custos.archive.ingest;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.ArchiveContext;
import org.custos.archive.IndexConflictException;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.archive.keys.FieldSealer;
import org.custos.archive.log.LogEntries;
import org.custos.archive.seal.PixelSealKind;
import org.custos.archive.seal.Seals;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.NewPatientKey;
import org.custos.crypto.PatientKey;
import org.custos.dicom.DicomFile;

/**
 * Records a stored instance in one index transaction: the patient (created with its wrapped key,
 * or matched by identity token and checked for an identity conflict), study, series, the new
 * instance version (superseding the previous one) with its sealed metadata, the blind tokens, and
 * the events worth seeing later, and their transparency-log entries (instance.superseded,
 * instance.stored), which commit or roll back with the rest. Conflicts never block storage: they are flagged and recorded.
 */
final class IngestRecorder {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Everything known about an instance whose blob is committed. */
  record Stored(DicomFile parsed, InstanceAttributes attributes, byte[] identityToken, byte[] uidToken,
      Optional<NewPatientKey> created, PatientKey key, int version, BlobId blobId, long sizeBytes, Seals seals,
      boolean preambleZeroed, IngestSource source, List<String> warnings) {}

  private final ArchiveContext context;

  IngestRecorder(ArchiveContext context) {
    this.context = context;
  }

  /** Attempts at a recording that lost a unique-key race to a concurrent writer (see {@link #record}). */
  private static final int CONFLICT_ATTEMPTS = 3;

  /**
   * Records the instance; when a concurrent writer committed the same study or series first (parts
   * of one STOW-RS request finished in parallel on PostgreSQL, or another node), the transaction
   * is run again and finds the other writer's rows.
   */
  IngestReceipt record(Stored stored) {
    byte[] metadataJson = InstanceMetadata.json(stored.parsed().dataSet());
    for (int attempt = 1; ; attempt++) {
      try {
        return recordOnce(stored, metadataJson);
      } catch (IndexConflictException e) {
        if (attempt == CONFLICT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private IngestReceipt recordOnce(Stored stored, byte[] metadataJson) {
    return context.index().write(session -> {
      Instant now = context.clock().instant();
      List<String> warnings = new ArrayList<>(stored.warnings());
      Conflicts conflicts = new Conflicts();
      PatientRow patient = patient(session, stored, now, conflicts);
      StudyRow study = study(session, stored, patient, now, conflicts);
      SeriesRow series = series(session, stored, study, now, conflicts);
      String instanceId = newId("in-");
      InstanceAttributes attributes = stored.attributes();
      InstanceRow row = new InstanceRow(instanceId, series.seriesId(), study.studyId(), patient.patientId(),
          stored.uidToken(), stored.version(), true, stored.blobId(), stored.sizeBytes(), stored.seals().stored(),
          stored.seals().pixel(), stored.seals().pixelKind().name(), stored.seals().identity(),
          attributes.sopClassUid(), stored.parsed().transferSyntax().uid(), stored.preambleZeroed(),
          stored.source().describe(), FieldSealer.seal(stored.key(), "instances", instanceId, "metadata", metadataJson), now);
      for (InstanceRow previous : session.instanceVersions(stored.uidToken())) {
        if (previous.current()) {
          session.supersede(previous.instanceId());
          context.log().appender().append(session, stored.key(), LogEntries.instanceSuperseded(now,
              patient.patientId(), attributes.sopInstanceUid(), previous.version(), stored.version()));
          session.recordEvent(ArchiveEvent.of(now, ArchiveEvent.Kind.VERSION_CONFLICT, instanceId,
              "version " + stored.version() + " has other bytes than version " + previous.version() + " ("
                  + previous.instanceId() + "); both are kept"));
          warnings.add("same SOP Instance UID with different content: stored as version " + stored.version());
        }
      }
      session.insertInstance(row);
      context.log().appender().append(session, stored.key(), LogEntries.instanceStored(now, patient.patientId(),
          new LogEntries.StoredInstance(attributes.studyInstanceUid(), attributes.seriesInstanceUid(),
              attributes.sopInstanceUid(), attributes.sopClassUid(), stored.version(), stored.seals(),
              stored.source().transport())));
      if (stored.preambleZeroed()) {
        session.recordEvent(ArchiveEvent.of(now, ArchiveEvent.Kind.PREAMBLE_ZEROED, instanceId,
            "non-zero, non-TIFF preamble zeroed at ingest"));
      }
      conflicts.notes.forEach(note -> {
        session.recordEvent(ArchiveEvent.of(now, ArchiveEvent.Kind.IDENTITY_CONFLICT, instanceId, note));
        warnings.add("identity conflict: " + note);
      });
      IngestOutcome outcome = stored.version() == 1 ? IngestOutcome.STORED : IngestOutcome.NEW_VERSION;
      return new IngestReceipt(instanceId, patient.patientId(), study.studyId(), series.seriesId(), stored.version(),
          outcome, stored.seals(), stored.sizeBytes(), stored.preambleZeroed(), !conflicts.notes.isEmpty(), warnings, now);
    });
  }

  private PatientRow patient(IndexSession session, Stored stored, Instant now, Conflicts conflicts) {
    PatientIdentity identity = stored.attributes().patient();
    Optional<PatientRow> existing = session.patientByIdentity(stored.identityToken());
    if (existing.isPresent()) {
      PatientRow row = existing.get();
      if (!row.patientId().equals(stored.key().id())) {
        // Encrypted under another key than the patient's row now has: the patient was shredded and
        // created again meanwhile, or another node created it first. Stored so, it could not be read.
        throw new StorageException("the patient changed while the instance was stored (shredded or created "
            + "concurrently?); send it again");
      }
      PatientKey key = context.keys().patientKey(row);
      Map<String, String> phi = FieldSealer.openMap(key, "patients", row.patientId(), "phi", row.phiSealed().orElseThrow());
      PatientIdentity first = new PatientIdentity(phi.getOrDefault("id", ""), phi.getOrDefault("issuer", ""),
          phi.getOrDefault("name", ""), phi.getOrDefault("birthDate", ""), phi.getOrDefault("sex", ""));
      if (identity.conflictsWith(first)) {
        session.markIdentityConflict(row.patientId());
        conflicts.notes.add("patient " + row.patientId() + ": same Patient ID and issuer, different name or birth date");
      }
      return row;
    }
    NewPatientKey created = stored.created().orElseThrow(() -> new StorageException(
        "the patient changed while the instance was stored (shredded concurrently?); send it again"));
    String patientId = created.key().id();
    Map<String, String> phi = new LinkedHashMap<>();
    phi.put("id", identity.patientId());
    phi.put("issuer", identity.issuer());
    phi.put("name", identity.name());
    phi.put("birthDate", identity.birthDate());
    phi.put("sex", identity.sex());
    PatientRow row = new PatientRow(patientId, stored.identityToken(), Optional.of(created.wrapped()),
        Optional.of(FieldSealer.sealMap(created.key(), "patients", patientId, "phi", phi)), false, now, Optional.empty());
    session.insertPatient(row);
    if (identity.hasPatientId()) {
      session.addToken(patientId, BlindIndexDomain.PATIENT_ID, context.keys().token(BlindIndexDomain.PATIENT_ID,
          identity.patientId()));
    }
    for (String token : NameTokens.of(identity.name())) {
      session.addToken(patientId, BlindIndexDomain.PATIENT_NAME_TOKEN,
          context.keys().token(BlindIndexDomain.PATIENT_NAME_TOKEN, token));
    }
    return row;
  }

  private StudyRow study(IndexSession session, Stored stored, PatientRow patient, Instant now, Conflicts conflicts) {
    InstanceAttributes attributes = stored.attributes();
    byte[] token = context.keys().token(BlindIndexDomain.STUDY_INSTANCE_UID, attributes.studyInstanceUid());
    Optional<StudyRow> existing = session.studyByUid(token);
    if (existing.isPresent()) {
      if (!existing.get().patientId().equals(patient.patientId())) {
        conflicts.notes.add("study " + existing.get().studyId() + " belongs to patient " + existing.get().patientId()
            + ", the instance to patient " + patient.patientId());
      }
      return existing.get();
    }
    String studyId = newId("st-");
    StudyRow row = new StudyRow(studyId, patient.patientId(), token,
        FieldSealer.sealMap(stored.key(), "studies", studyId, "attributes", attributes.study()),
        attributes.studyDate(), now);
    session.insertStudy(row);
    for (String accession : attributes.accessionNumbers()) {
      session.addToken(studyId, BlindIndexDomain.ACCESSION_NUMBER,
          context.keys().token(BlindIndexDomain.ACCESSION_NUMBER, accession));
    }
    return row;
  }

  private SeriesRow series(IndexSession session, Stored stored, StudyRow study, Instant now, Conflicts conflicts) {
    InstanceAttributes attributes = stored.attributes();
    byte[] token = context.keys().token(BlindIndexDomain.SERIES_INSTANCE_UID, attributes.seriesInstanceUid());
    Optional<SeriesRow> existing = session.seriesByUid(token);
    if (existing.isPresent()) {
      if (!existing.get().studyId().equals(study.studyId())) {
        conflicts.notes.add("series " + existing.get().seriesId() + " belongs to study " + existing.get().studyId()
            + ", the instance to study " + study.studyId());
      }
      return existing.get();
    }
    String seriesId = newId("se-");
    SeriesRow row = new SeriesRow(seriesId, study.studyId(), token, attributes.modality(),
        FieldSealer.sealMap(stored.key(), "series", seriesId, "attributes", attributes.series()), now);
    session.insertSeries(row);
    return row;
  }

  /** The receipt of an earlier stored version (idempotent ingest). */
  IngestReceipt receiptOf(InstanceRow row, IngestOutcome outcome) {
    Seals seals = new Seals(row.storedSeal(), row.pixelSeal(), PixelSealKind.valueOf(row.pixelSealKind()),
        row.identitySeal());
    return new IngestReceipt(row.instanceId(), row.patientId(), row.studyId(), row.seriesId(), row.version(), outcome,
        seals, row.storedSizeBytes(), row.preambleZeroed(), false, List.of(), row.stored());
  }

  static String newId(String prefix) {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  private static final class Conflicts {
    final List<String> notes = new ArrayList<>();
  }
}
