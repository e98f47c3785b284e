package org.custos.server.dicomweb.stow;

import java.util.Optional;
import org.custos.archive.ingest.IngestOutcome;
import org.custos.archive.ingest.IngestReceipt;

/**
 * Warning Reason (0008,1196) values: the instance was stored, with something the sender should
 * know. PS3.18 Annex I.2.1 defines B000, B006 and B007 (there is no D000); the B1xx codes are this
 * implementation's (docs/dicomweb.md). When several apply, the most important one is sent.
 */
public enum WarningReason {
  /** B000 Coercion: the stored object differs from the sent one — a non-zero, non-TIFF preamble was zeroed. */
  COERCION(0xB000),
  /** B101: the SOP Instance UID was already stored with other content; this is kept as a new version. */
  NEW_VERSION(0xB101),
  /** B102: the patient's identity conflicts with what the archive holds (same ID, other name or birth date). */
  IDENTITY_CONFLICT(0xB102);

  private final int code;

  WarningReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String hex() {
    return String.format("%04X", code);
  }

  /** The most important warning of a receipt; none for a plain store or an identical re-send. */
  public static Optional<WarningReason> of(IngestReceipt receipt) {
    if (receipt.identityConflict()) {
      return Optional.of(IDENTITY_CONFLICT);
    }
    if (receipt.outcome() == IngestOutcome.NEW_VERSION) {
      return Optional.of(NEW_VERSION);
    }
    if (receipt.preambleZeroed() && receipt.outcome() != IngestOutcome.ALREADY_PRESENT) {
      return Optional.of(COERCION);
    }
    return Optional.empty();
  }
}
