package org.custos.server.dicomweb.stow;

import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.ingest.RejectReason;
import org.custos.dicom.InvalidFileMetaException;
import org.custos.dicom.dictionary.Tags;

/**
 * Failure Reason (0008,1197) values this server sends (PS3.18 Annex I.2.2 and, for the
 * implementation-specific ones, docs/dicomweb.md).
 */
public enum FailureReason {
  /** A7xx Refused: out of resources — the archive's storage is full. */
  OUT_OF_RESOURCES(0xA700),
  /** A7xx Refused: out of resources — the header before Series Instance UID exceeds the read-ahead. */
  HEADER_TOO_LARGE(0xA701),
  /** A9xx Error: data set does not match SOP Class — a required UID is missing. */
  DOES_NOT_MATCH_SOP_CLASS(0xA900),
  /** Cxxx Error: cannot understand — not DICOM, malformed, an invalid UID, or a part that is not application/dicom. */
  CANNOT_UNDERSTAND(0xC000),
  /**
   * C122 Referenced Transfer Syntax not supported — the part's transfer-syntax parameter, or the
   * transfer syntax the instance's own file meta names.
   */
  TRANSFER_SYNTAX_NOT_SUPPORTED(0xC122),
  /** C409 (implementation, as dcm4chee-arc) — the instance belongs to another study than the target URI's. */
  STUDY_INSTANCE_UID_MISMATCH(0xC409),
  /** 0110 Processing failure — the storage failed, or an unexpected error. */
  PROCESSING_FAILURE(0x0110);

  /** How the codec's DicomReader words a Transfer Syntax UID it does not know (FailureReasonTest pins it). */
  private static final String UNSUPPORTED_SYNTAX = "unsupported transfer syntax";

  private final int code;

  FailureReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The reason for an archive refusal. */
  public static FailureReason of(RejectReason reason) {
    return switch (reason) {
      case MALFORMED, INVALID_ATTRIBUTE -> CANNOT_UNDERSTAND;
      case MISSING_ATTRIBUTE -> DOES_NOT_MATCH_SOP_CLASS;
      case HEADER_TOO_LARGE -> HEADER_TOO_LARGE;
    };
  }

  /**
   * The reason for an archive refusal: {@link #TRANSFER_SYNTAX_NOT_SUPPORTED} when the parser refused
   * the file meta's Transfer Syntax UID as one it cannot read (the archive reports that as {@code
   * MALFORMED}, with the parser's failure as the cause), else as {@link #of(RejectReason)}.
   */
  public static FailureReason of(InstanceRejectedException rejected) {
    if (rejected.reason() == RejectReason.MALFORMED && rejected.getCause() instanceof InvalidFileMetaException meta
        && meta.tag() == Tags.TransferSyntaxUID && meta.reason().startsWith(UNSUPPORTED_SYNTAX)) {
      return TRANSFER_SYNTAX_NOT_SUPPORTED;
    }
    return of(rejected.reason());
  }

  public String hex() {
    return String.format("%04X", code);
  }
}
