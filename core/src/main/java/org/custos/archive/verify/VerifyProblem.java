package org.custos.archive.verify;

/** One thing wrong with one stored version or with the log (ids and leaf indexes only, no PHI). */
public record VerifyProblem(String instanceId, Kind kind, String detail) {
  public enum Kind {
    /** The index names a blob the store does not have. */
    MISSING_BLOB,
    /** The blob does not decrypt or its bytes do not match the stored seal. */
    SEAL_MISMATCH,
    /** The sealed metadata of the row does not open. */
    METADATA_UNREADABLE,
    /** A blob no index row refers to. */
    ORPHAN_BLOB,
    /** A stored log hash (leaf or complete subtree) differs from what the entries give. */
    LOG_HASH_MISMATCH,
    /** A log entry is missing, does not open, or does not hash to its leaf. */
    LOG_ENTRY_INVALID,
    /** An owner's chain of entries is broken (prev link or head). */
    LOG_CHAIN_BROKEN,
    /** The log is shorter than a checkpoint it signed, or its root differs from one. */
    LOG_CHECKPOINT_MISMATCH,
    /** The log is not an extension of a checkpoint given from outside (verify --since). */
    LOG_NOT_EXTENSION,
    /** The index and the log disagree: a row without its entry, or a logged instance without rows. */
    INDEX_LOG_MISMATCH
  }
}
