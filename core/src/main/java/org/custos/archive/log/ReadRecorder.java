package org.custos.archive.log;

import java.time.Instant;
import org.custos.archive.ArchiveContext;
import org.custos.archive.NotFoundException;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.StudyRow;
import org.custos.crypto.BlindIndexDomain;

/**
 * Logs reads: one {@code access} entry in the patient's chain per call, committed before the
 * caller returns any data (so a read that cannot be logged is not served).
 */
public final class ReadRecorder {
  private final ArchiveContext context;

  public ReadRecorder(ArchiveContext context) {
    this.context = context;
  }

  /** @throws NotFoundException if no study has this UID */
  public void record(Access access, ReadAction action, String studyInstanceUid) {
    byte[] token = context.keys().token(BlindIndexDomain.STUDY_INSTANCE_UID, studyInstanceUid);
    context.index().write(session -> {
      StudyRow study = session.studyByUid(token).orElseThrow(() -> new NotFoundException("no such study"));
      PatientRow patient = livePatient(session.patient(study.patientId()).orElseThrow(
          () -> new NotFoundException("the study's patient is missing")));
      Instant now = context.clock().instant();
      context.log().appender().append(session, context.keys().patientKey(patient),
          LogEntries.access(now, patient.patientId(), access, action, studyInstanceUid));
      return null;
    });
  }

  /** A read of the patient as a whole (a receipt). */
  public void recordPatient(Access access, ReadAction action, String patientId) {
    context.index().write(session -> {
      PatientRow patient = livePatient(session.patient(patientId).orElseThrow(
          () -> new NotFoundException("no patient " + patientId)));
      context.log().appender().append(session, context.keys().patientKey(patient),
          LogEntries.access(context.clock().instant(), patientId, access, action, ""));
      return null;
    });
  }

  private static PatientRow livePatient(PatientRow row) {
    if (row.shredded().isPresent()) {
      throw new NotFoundException("patient " + row.patientId() + " was shredded");
    }
    return row;
  }
}
