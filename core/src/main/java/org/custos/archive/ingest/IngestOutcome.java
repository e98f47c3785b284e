package org.custos.archive.ingest;

/** What an ingest did. */
public enum IngestOutcome {
  /** A new instance, stored as version 1. */
  STORED,
  /** The same SOP Instance UID with the same bytes was already stored: nothing changed. */
  ALREADY_PRESENT,
  /** The same SOP Instance UID with different bytes: stored as a new version, the old kept, a conflict recorded. */
  NEW_VERSION
}
