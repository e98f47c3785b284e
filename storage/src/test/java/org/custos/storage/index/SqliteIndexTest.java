package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.custos.archive.StorageException;
import org.custos.archive.index.ArchiveIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite, plus what only SQLite has: its pragmas and its file. */
final class SqliteIndexTest extends ArchiveIndexContract {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("index").resolve("custos.db");
  }

  @Override
  protected ArchiveIndex openFresh() {
    return SqliteIndex.open(file());
  }

  @Override
  protected ArchiveIndex reopen() {
    return SqliteIndex.open(file());
  }

  @Test
  void file_isInWalModeWithForeignKeys_atThisBuildsSchemaVersion() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(single(s, "SELECT max(version) FROM flyway_schema_history WHERE success"))
          .isEqualTo(Migrations.SCHEMA_VERSION.getVersion());
    }
    assertThat(index().describe()).contains("SQLite").contains("custos.db");
  }

  @Test
  void schemaMigratedByANewerBuild_isRefused() throws SQLException {
    index().close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
              + " script, checksum, installed_by, execution_time, success)"
              + " VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)");
    }
    assertThatThrownBy(() -> SqliteIndex.open(file()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("schema");
    replaceIndex(SqliteIndex.open(dir.resolve("other.db")));
  }

  @Test
  void useAfterClose_fails() {
    index().close();
    assertThatThrownBy(() -> index().read(s -> null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index().write(s -> null)).isInstanceOf(IllegalStateException.class);
    index().close(); // idempotent
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
