package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.CheckpointRow;

/** The {@code log_checkpoints} and {@code log_cosignatures} tables. */
final class LogCheckpointTable {
  static final String INSERT = "INSERT INTO log_checkpoints (size, signed_note, created_millis) VALUES (?, ?, ?)";
  static final String LATEST = "SELECT size, signed_note, created_millis FROM log_checkpoints ORDER BY size DESC LIMIT 1";
  static final String BY_SIZE = "SELECT size, signed_note, created_millis FROM log_checkpoints WHERE size = ?";
  static final String LATEST_COSIGNED = "SELECT size, signed_note, created_millis FROM log_checkpoints c"
      + " WHERE EXISTS (SELECT 1 FROM log_cosignatures s WHERE s.size = c.size) ORDER BY size DESC LIMIT 1";
  static final String PUT_COSIGNATURE = "INSERT INTO log_cosignatures (size, witness, signature_line, received_millis)"
      + " VALUES (?, ?, ?, ?) ON CONFLICT (size, witness) DO UPDATE SET signature_line = excluded.signature_line,"
      + " received_millis = excluded.received_millis";
  static final String COSIGNATURES = "SELECT signature_line FROM log_cosignatures WHERE size = ? ORDER BY witness";

  private final SqlRunner sql;

  LogCheckpointTable(SqlRunner sql) {
    this.sql = sql;
  }

  void insert(CheckpointRow row) {
    sql.update("insertCheckpoint", INSERT, s -> {
      s.setLong(1, row.size());
      s.setString(2, row.signedNote());
      Columns.setInstant(s, 3, row.created());
    });
  }

  Optional<CheckpointRow> latest() {
    return sql.first("latestCheckpoint", LATEST, s -> {}, LogCheckpointTable::map);
  }

  Optional<CheckpointRow> latestCosigned() {
    return sql.first("latestCosignedCheckpoint", LATEST_COSIGNED, s -> {}, LogCheckpointTable::map);
  }

  Optional<CheckpointRow> bySize(long size) {
    return sql.first("checkpoint", BY_SIZE, s -> s.setLong(1, size), LogCheckpointTable::map);
  }

  void putCosignature(long size, String witness, String line, Instant received) {
    sql.update("putCosignature", PUT_COSIGNATURE, s -> {
      s.setLong(1, size);
      s.setString(2, witness);
      s.setString(3, line);
      Columns.setInstant(s, 4, received);
    });
  }

  List<String> cosignatures(long size) {
    return sql.list("cosignatures", COSIGNATURES, s -> s.setLong(1, size), r -> r.getString(1));
  }

  private static CheckpointRow map(ResultSet r) throws SQLException {
    return new CheckpointRow(r.getLong("size"), r.getString("signed_note"), Columns.instant(r, "created_millis"));
  }
}
