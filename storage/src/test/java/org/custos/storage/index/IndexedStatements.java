package org.custos.storage.index;

import java.util.List;

/**
 * The production statements that look rows up by a key, with sample parameters for EXPLAIN. Each
 * must be answered through an index, never a scan of the table, or ingest slows down as the archive
 * grows. Whole-table statements (paging, forEachInstance, countInstances, the rotation walk) are
 * deliberately absent, as is latestCheckpoint (a reverse walk of the primary key that stops at
 * the first row, which SQLite reports as a SCAN).
 */
final class IndexedStatements {
  /** A statement, its name in failures, and values to bind (byte[], String, Integer, Boolean). */
  record Lookup(String name, String sql, List<Object> parameters) {
    static Lookup of(String name, String sql, Object... parameters) {
      return new Lookup(name, sql, List.of(parameters));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final byte[] TOKEN = new byte[32];
  private static final String BLOB = "0123456789abcdef0123456789abcdef";

  /** The per-ingest lookups named in the design: each runs for every stored instance. */
  static final List<Lookup> INGEST =
      List.of(
          Lookup.of("patientByIdentity", PatientTable.BY_IDENTITY, TOKEN),
          Lookup.of("studyByUid", StudyTable.BY_UID, TOKEN),
          Lookup.of("seriesByUid", SeriesTable.BY_UID, TOKEN),
          Lookup.of("instanceVersions", InstanceTable.VERSIONS, TOKEN),
          Lookup.of("ownersOf", TokenTable.OWNERS, "PATIENT_ID", TOKEN),
          Lookup.of("blobReferenced", InstanceTable.BLOB_REFERENCED, BLOB),
          Lookup.of("supersede", InstanceTable.SUPERSEDE, false, "ins-1"),
          Lookup.of("logNode", LogNodeTable.NODE, 1, 7L),
          Lookup.of("logHead", LogEntryTable.HEAD, "pat-1"),
          Lookup.of("moveLogHead", LogEntryTable.MOVE_HEAD, TOKEN, "pat-1", TOKEN));

  /** Every other keyed statement. */
  static final List<Lookup> OTHER =
      List.of(
          Lookup.of("setting", SettingTable.BY_NAME, "salt"),
          Lookup.of("patient", PatientTable.BY_ID, "pat-1"),
          Lookup.of("study", StudyTable.BY_ID, "stu-1"),
          Lookup.of("series", SeriesTable.BY_ID, "ser-1"),
          Lookup.of("instance", InstanceTable.BY_ID, "ins-1"),
          Lookup.of("studiesOfPatient", StudyTable.OF_PATIENT, "pat-1"),
          Lookup.of("seriesOfStudy", SeriesTable.OF_STUDY, "stu-1"),
          Lookup.of("instancesOfSeries", InstanceTable.OF_SERIES, "ser-1"),
          Lookup.of("instancesOfStudy", InstanceTable.OF_STUDY, "stu-1"),
          Lookup.of("countPatientsWrappedBy", PatientTable.COUNT_WRAPPED_BY, "root", 1),
          Lookup.of("updatePatientKey", PatientTable.UPDATE_KEY, "root", 2, TOKEN, "pat-1"),
          Lookup.of("updateStudyAttributes", StudyTable.UPDATE_ATTRIBUTES, TOKEN, "stu-1"),
          Lookup.of("deleteInstance", InstanceTable.DELETE, TOKEN),
          Lookup.of("deleteTokensOfOwner", TokenTable.DELETE_OF_OWNER, "ins-1"),
          Lookup.of("shredPatient", PatientTable.SHRED, 1L, "pat-1"),
          Lookup.of("shredTokens", TokenTable.DELETE_OF_PATIENT, "p", "p", "p", "p"),
          Lookup.of("shredStudies", StudyTable.SHRED, TOKEN, "pat-1"),
          Lookup.of("shredSeries", SeriesTable.SHRED, TOKEN, "pat-1"),
          Lookup.of("shredInstances", InstanceTable.SHRED, TOKEN, "pat-1"),
          Lookup.of("eventsOf", EventTable.OF_SUBJECT, "ins-1"),
          Lookup.of("leafIndexOf", LogNodeTable.LEAF_BY_HASH, TOKEN),
          Lookup.of("logEntry", LogEntryTable.BY_INDEX, 3L),
          Lookup.of("logEntryByHash", LogEntryTable.BY_HASH, TOKEN),
          Lookup.of("logEntriesOf", LogEntryTable.OF_OWNER, "pat-1", 0L, 10L),
          Lookup.of("logEntries", LogEntryTable.PAGE, 0L, 1000),
          Lookup.of("checkpoint", LogCheckpointTable.BY_SIZE, 5L),
          Lookup.of("cosignatures", LogCheckpointTable.COSIGNATURES, 5L),
          Lookup.of("eventsOfKind", EventTable.RECENT_OF_KIND, "INSTANCE_STORED", 10),
          Lookup.of("studiesByDate", QueryTable.STUDIES_BY_DATE, "20240101", "20241231"),
          Lookup.of("seriesByModality", QueryTable.SERIES_BY_MODALITY, "CT"),
          Lookup.of("countInstancesOfStudy", QueryTable.COUNT_OF_STUDY, "stu-1"),
          Lookup.of("countInstancesOfSeries", QueryTable.COUNT_OF_SERIES, "ser-1"),
          Lookup.of("firstInstanceOfSeries", QueryTable.FIRST_OF_SERIES, "ser-1"),
          // Every authenticated request with an API key looks its key up.
          Lookup.of("apiKey", ApiKeyTable.BY_ID, "0123456789abcdef"),
          Lookup.of("revokeApiKey", ApiKeyTable.REVOKE, 1L, "0123456789abcdef"));

  private IndexedStatements() {}
}
