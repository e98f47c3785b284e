package org.custos.archive.lifecycle;

import java.time.Instant;
import java.util.Optional;
import org.custos.archive.ArchiveContext;
import org.custos.archive.NotFoundException;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.PatientRow;
import org.custos.archive.log.LogEntries;

/**
 * Crypto-shredding (DESIGN.md "Keys"): destroys a patient's wrapped key and every piece of their
 * PHI in the index (sealed fields, blind tokens) in one transaction, and records the act. Their
 * blobs stay where they are (WORM stores cannot delete) but can no longer be decrypted by anyone:
 * the data keys inside them are wrapped by the destroyed key. Backups of the index taken before
 * still hold the wrapped key; see docs/formats/blob.md on rotating the root key after a shred.
 */
public final class PatientShredder {
  private final ArchiveContext context;

  public PatientShredder(ArchiveContext context) {
    this.context = context;
  }

  /** @return when the shred was recorded */
  public Instant shred(String patientId) {
    Instant now = context.clock().instant();
    context.index().write(session -> {
      PatientRow row = session.patient(patientId).orElseThrow(() -> new NotFoundException("no patient " + patientId));
      if (row.shredded().isPresent()) {
        throw new NotFoundException("patient " + patientId + " was already shredded");
      }
      // The last entry of the chain is sealed under the log key: the patient key is about to go.
      context.log().appender().appendUnderLogKey(session, Optional.of(patientId),
          LogEntries.patientShredded(now, patientId));
      session.shredPatient(patientId, now);
      session.recordEvent(ArchiveEvent.of(now, ArchiveEvent.Kind.PATIENT_SHREDDED, patientId,
          "patient key and index PHI destroyed"));
      return null;
    });
    context.keys().forget(patientId);
    return now;
  }
}
