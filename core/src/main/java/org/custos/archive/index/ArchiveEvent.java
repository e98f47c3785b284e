package org.custos.archive.index;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the archive did or noticed that people must be able to see later: a version
 * conflict, an identity conflict, a zeroed preamble, a shredded patient, a rotated key. The
 * detail names internal ids only, never PHI or UIDs. {@code sequence} is assigned by the index
 * (0 before insertion).
 */
public record ArchiveEvent(long sequence, Instant at, Kind kind, String subjectId, String detail) {
  public enum Kind {
    INSTANCE_STORED,
    VERSION_CONFLICT,
    IDENTITY_CONFLICT,
    PREAMBLE_ZEROED,
    INSTANCE_DELETED,
    PATIENT_SHREDDED,
    ROOT_KEY_ROTATED,
    ROOT_KEY_RETIRED,
    INTEGRITY_FAILURE,
    ORPHAN_BLOB_REMOVED
  }

  public ArchiveEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(detail, "detail");
  }

  public static ArchiveEvent of(Instant at, Kind kind, String subjectId, String detail) {
    return new ArchiveEvent(0, at, kind, subjectId, detail);
  }
}
