package org.custos.archive.log;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
    recordAll(access, action, List.of(studyInstanceUid));
  }

  /** One entry per study, all in one transaction (a search result, a multi-study retrieve). */
  public void recordAll(Access access, ReadAction action, Collection<String> studyInstanceUids) {
    if (studyInstanceUids.isEmpty()) {
      return;
    }
    context.index().write(session -> {
      Instant now = context.clock().instant();
      for (String uid : studyInstanceUids) {
        byte[] token = context.keys().token(BlindIndexDomain.STUDY_INSTANCE_UID, uid);
        StudyRow study = session.studyByUid(token).orElseThrow(() -> new NotFoundException("no such study"));
        PatientRow patient = livePatient(session.patient(study.patientId()).orElseThrow(
            () -> new NotFoundException("the study's patient is missing")));
        context.log().appender().append(session, context.keys().patientKey(patient),
            LogEntries.access(now, patient.patientId(), access, action, uid));
      }
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
