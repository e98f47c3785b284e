package org.custos.storage.index;

import java.util.Optional;

/** The {@code settings} table: named opaque values (the caller seals any secret). */
final class SettingTable {
  static final String BY_NAME = "SELECT value FROM settings WHERE name = ?";
  static final String UPSERT =
      "INSERT INTO settings (name, value) VALUES (?, ?)"
          + " ON CONFLICT (name) DO UPDATE SET value = excluded.value";

  private final SqlRunner sql;

  SettingTable(SqlRunner sql) {
    this.sql = sql;
  }

  Optional<byte[]> get(String name) {
    return sql.first("setting", BY_NAME, s -> s.setString(1, name), r -> Columns.bytes(r, "value"));
  }

  void put(String name, byte[] value) {
    sql.update(
        "putSetting",
        UPSERT,
        s -> {
          s.setString(1, name);
          s.setBytes(2, value);
        });
  }
}
