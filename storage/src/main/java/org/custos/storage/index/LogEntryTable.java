package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.LogEntryRow;

/** The {@code log_entries} table and the owners' chain heads in {@code log_heads}. */
final class LogEntryTable {
  static final String COLUMNS = "leaf_index, entry_hash, owner_id, sealed_by, entry_sealed, created_millis";
  static final String INSERT = "INSERT INTO log_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
  static final String BY_INDEX = "SELECT " + COLUMNS + " FROM log_entries WHERE leaf_index = ?";
  static final String BY_HASH = "SELECT " + COLUMNS + " FROM log_entries WHERE entry_hash = ?";
  static final String OF_OWNER = "SELECT " + COLUMNS
      + " FROM log_entries WHERE owner_id = ? AND leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index";
  static final String PAGE = "SELECT " + COLUMNS + " FROM log_entries WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?";
  static final String HEAD = "SELECT entry_hash FROM log_heads WHERE owner_id = ?";
  static final String NEW_HEAD = "INSERT INTO log_heads (owner_id, entry_hash) VALUES (?, ?) ON CONFLICT (owner_id) DO NOTHING";
  static final String MOVE_HEAD = "UPDATE log_heads SET entry_hash = ? WHERE owner_id = ? AND entry_hash = ?";

  private final SqlRunner sql;

  LogEntryTable(SqlRunner sql) {
    this.sql = sql;
  }

  void insert(LogEntryRow row) {
    sql.update("insertLogEntry", INSERT, s -> {
      s.setLong(1, row.leafIndex());
      s.setBytes(2, row.entryHash());
      Columns.setString(s, 3, row.ownerId());
      s.setString(4, row.sealedBy().name());
      s.setBytes(5, row.entrySealed());
      Columns.setInstant(s, 6, row.created());
    });
  }

  Optional<LogEntryRow> byIndex(long leafIndex) {
    return sql.first("logEntry", BY_INDEX, s -> s.setLong(1, leafIndex), LogEntryTable::map);
  }

  Optional<LogEntryRow> byHash(byte[] entryHash) {
    return sql.first("logEntryByHash", BY_HASH, s -> s.setBytes(1, entryHash), LogEntryTable::map);
  }

  List<LogEntryRow> ofOwner(String ownerId, long fromIndex, long toIndex) {
    return sql.list("logEntriesOf", OF_OWNER, s -> {
      s.setString(1, ownerId);
      s.setLong(2, fromIndex);
      s.setLong(3, toIndex);
    }, LogEntryTable::map);
  }

  List<LogEntryRow> page(long fromIndex, int limit) {
    return sql.list("logEntries", PAGE, s -> {
      s.setLong(1, fromIndex);
      s.setInt(2, limit);
    }, LogEntryTable::map);
  }

  Optional<byte[]> head(String ownerId) {
    return sql.first("logHead", HEAD, s -> s.setString(1, ownerId), r -> Columns.bytes(r, "entry_hash"));
  }

  boolean moveHead(String ownerId, Optional<byte[]> expected, byte[] head) {
    if (expected.isEmpty()) {
      return sql.update("moveLogHead", NEW_HEAD, s -> {
        s.setString(1, ownerId);
        s.setBytes(2, head);
      }) == 1;
    }
    return sql.update("moveLogHead", MOVE_HEAD, s -> {
      s.setBytes(1, head);
      s.setString(2, ownerId);
      s.setBytes(3, expected.get());
    }) == 1;
  }

  private static LogEntryRow map(ResultSet r) throws SQLException {
    return new LogEntryRow(r.getLong("leaf_index"), Columns.bytes(r, "entry_hash"),
        Columns.optionalString(r, "owner_id"), LogEntryRow.SealedBy.valueOf(r.getString("sealed_by")),
        Columns.bytes(r, "entry_sealed"), Columns.instant(r, "created_millis"));
  }
}
