package org.custos.archive.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.ArchiveContext;
import org.custos.archive.NotFoundException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.log.LogEntries;
import org.custos.crypto.BlindIndexDomain;

/**
 * Deletes every version of an instance: the index rows first (one transaction, with the event
 * and the instance.deleted log entry),
 * then the blobs. A crash between the two leaves orphan blobs, which recovery removes; never an
 * index row without its blob.
 */
public final class InstanceDeleter {
  private final ArchiveContext context;

  public InstanceDeleter(ArchiveContext context) {
    this.context = context;
  }

  /** @return how many versions were deleted */
  public int delete(String sopInstanceUid) {
    byte[] token = context.keys().token(BlindIndexDomain.SOP_INSTANCE_UID, sopInstanceUid);
    List<BlobId> blobs = context.index().write(session -> {
      List<InstanceRow> versions = session.instanceVersions(token);
      List<BlobId> ids = session.deleteInstance(token);
      if (ids.isEmpty()) {
        throw new NotFoundException("no such instance");
      }
      PatientRow patient = session.patient(versions.get(0).patientId()).orElseThrow();
      Map<String, Object> entry = LogEntries.instanceDeleted(context.clock().instant(), patient.patientId(),
          sopInstanceUid, ids.size());
      if (patient.shredded().isPresent()) {
        context.log().appender().appendUnderLogKey(session, Optional.of(patient.patientId()), entry);
      } else {
        context.log().appender().append(session, context.keys().patientKey(patient), entry);
      }
      session.recordEvent(ArchiveEvent.of(context.clock().instant(), ArchiveEvent.Kind.INSTANCE_DELETED,
          ids.get(0).value(), ids.size() + " version(s) deleted"));
      return ids;
    });
    blobs.forEach(context.blobs()::delete);
    return blobs.size();
  }
}
