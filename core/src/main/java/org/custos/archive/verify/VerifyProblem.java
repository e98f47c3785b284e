package org.custos.archive.verify;

/** One thing wrong with one stored version (ids only, no PHI). */
public record VerifyProblem(String instanceId, Kind kind, String detail) {
  public enum Kind {
    /** The index names a blob the store does not have. */
    MISSING_BLOB,
    /** The blob does not decrypt or its bytes do not match the stored seal. */
    SEAL_MISMATCH,
    /** The sealed metadata of the row does not open. */
    METADATA_UNREADABLE,
    /** A blob no index row refers to. */
    ORPHAN_BLOB
  }
}
