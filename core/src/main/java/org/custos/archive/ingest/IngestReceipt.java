package org.custos.archive.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.custos.archive.seal.Seals;

/**
 * The archive's answer to a successful ingest, given only after the blob is durable and the index
 * committed. Ids are internal (no UIDs, no PHI); {@code warnings} are PHI-free notes (a zeroed
 * preamble, an identity conflict, a pixel seal over encoded bytes).
 */
public record IngestReceipt(
    String instanceId,
    String patientId,
    String studyId,
    String seriesId,
    int version,
    IngestOutcome outcome,
    Seals seals,
    long storedSizeBytes,
    boolean preambleZeroed,
    boolean identityConflict,
    List<String> warnings,
    Instant stored) {

  public IngestReceipt {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(seals, "seals");
    warnings = List.copyOf(warnings);
  }

  public IngestReceipt withOutcome(IngestOutcome value) {
    return new IngestReceipt(instanceId, patientId, studyId, seriesId, version, value, seals, storedSizeBytes,
        preambleZeroed, identityConflict, warnings, stored);
  }
}
