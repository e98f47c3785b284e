package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.ApiKeyRow;

/** The {@code api_keys} table: scopes as one space-separated column, the secret only as its keyed hash. */
final class ApiKeyTable {
  static final String COLUMNS =
      "key_id, name, scopes, secret_hash, created_millis, expires_millis, revoked_millis";
  static final String INSERT =
      "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
  static final String BY_ID = "SELECT " + COLUMNS + " FROM api_keys WHERE key_id = ?";
  static final String ALL = "SELECT " + COLUMNS + " FROM api_keys ORDER BY seq";
  static final String REVOKE =
      "UPDATE api_keys SET revoked_millis = ? WHERE key_id = ? AND revoked_millis IS NULL";

  private final SqlRunner sql;

  ApiKeyTable(SqlRunner sql) {
    this.sql = sql;
  }

  void insert(ApiKeyRow row) {
    sql.update(
        "insertApiKey",
        INSERT,
        s -> {
          s.setString(1, row.keyId());
          s.setString(2, row.name());
          s.setString(3, String.join(" ", row.scopes()));
          s.setBytes(4, row.secretHash());
          Columns.setInstant(s, 5, row.created());
          Columns.setInstant(s, 6, row.expires());
          Columns.setInstant(s, 7, row.revoked());
        });
  }

  Optional<ApiKeyRow> byId(String keyId) {
    return sql.first("apiKey", BY_ID, s -> s.setString(1, keyId), ApiKeyTable::map);
  }

  List<ApiKeyRow> all() {
    return sql.list("apiKeys", ALL, SqlRunner.Binder.NONE, ApiKeyTable::map);
  }

  boolean revoke(String keyId, Instant when) {
    return sql.update(
            "revokeApiKey",
            REVOKE,
            s -> {
              Columns.setInstant(s, 1, when);
              s.setString(2, keyId);
            })
        > 0;
  }

  private static ApiKeyRow map(ResultSet r) throws SQLException {
    return new ApiKeyRow(
        r.getString("key_id"),
        r.getString("name"),
        new LinkedHashSet<>(Arrays.asList(r.getString("scopes").split(" "))),
        Columns.bytes(r, "secret_hash"),
        Columns.instant(r, "created_millis"),
        Columns.optionalInstant(r, "expires_millis"),
        Columns.optionalInstant(r, "revoked_millis"));
  }
}
