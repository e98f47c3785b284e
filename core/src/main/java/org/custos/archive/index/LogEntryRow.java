package org.custos.archive.index;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A transparency-log entry as the index keeps it (docs/formats/log-entry.md): its leaf index, its
 * entry hash (SHA-256 of salt ‖ canonical entry; not public: the leaf hash is), the subject whose
 * hash chain it extends (a patient id, or empty for archive-wide entries), which key sealed it, and
 * the sealed salt ‖ entry.
 */
public record LogEntryRow(long leafIndex, byte[] entryHash, Optional<String> ownerId, SealedBy sealedBy,
    byte[] entrySealed, Instant created) {
  /** The key an entry is sealed with: the owner's patient key, or the log's own entry key. */
  public enum SealedBy {
    PATIENT_KEY,
    LOG_KEY
  }

  public LogEntryRow {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(sealedBy, "sealedBy");
    Objects.requireNonNull(created, "created");
    entryHash = entryHash.clone();
    entrySealed = entrySealed.clone();
  }

  @Override
  public byte[] entryHash() {
    return entryHash.clone();
  }

  @Override
  public byte[] entrySealed() {
    return entrySealed.clone();
  }
}
