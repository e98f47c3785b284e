package org.custos.bench.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes on disk of an index file whose index is closed: the WAL checkpointed into the file and
 * truncated first ({@code PRAGMA wal_checkpoint(TRUNCATE)}, no VACUUM), then the pages of each
 * table and index from SQLite's {@code dbstat} virtual table (payload, cell overhead, unused
 * space and interior pages included), per leaf of the log.
 */
record StorageOverhead(long leaves, long fileBytes, long walBytes, long freeBytes, Map<String, Long> bytesByObject) {
  static StorageOverhead measure(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      long leaves = longOf(s, "SELECT size FROM log_state WHERE id = 1");
      long free = longOf(s, "PRAGMA freelist_count") * longOf(s, "PRAGMA page_size");
      Map<String, Long> objects = new TreeMap<>();
      try (ResultSet r = s.executeQuery("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")) {
        while (r.next()) {
          objects.put(r.getString(1), r.getLong(2));
        }
      }
      Path wal = db.resolveSibling(db.getFileName() + "-wal");
      return new StorageOverhead(leaves, Files.size(db), Files.exists(wal) ? Files.size(wal) : 0, free, objects);
    }
  }

  /**
   * The mean bytes of a log_entries row's values (sealed entry, entry hash, owner id, sealed-by,
   * two integers of 8 bytes): the size of the peer's equivalent plain row. Reads beside an open
   * index (WAL allows a second reader).
   */
  static int meanEntryRowBytes(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      return (int) Math.round(doubleOf(s, "SELECT avg(length(entry_sealed) + length(entry_hash)"
          + " + coalesce(length(owner_id), 0) + length(sealed_by) + 16) FROM log_entries"));
    }
  }

  static double meanSealedEntryBytes(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      return doubleOf(s, "SELECT avg(length(entry_sealed)) FROM log_entries");
    }
  }

  /** Bytes of the named tables and indexes together. */
  long bytesOf(String... names) {
    long sum = 0;
    for (String name : names) {
      sum += bytesByObject.getOrDefault(name, 0L);
    }
    return sum;
  }

  private static long longOf(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static double doubleOf(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getDouble(1);
    }
  }
}
