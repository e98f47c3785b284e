package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.custos.archive.StorageException;
import org.custos.archive.StorageFullException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which driver errors mean "storage full", and what the archive's exceptions say. */
final class SqlDialectTest {
  @TempDir Path dir;

  @Test
  void sqliteDiskFull_isStorageFull_namingTheOperationOnly() throws SQLException {
    SQLException full = realSqliteFull();
    assertThat(full.getMessage()).contains("full");

    StorageException mapped = SqlDialect.SQLITE.failure("insertInstance", full);

    assertThat(mapped)
        .isInstanceOf(StorageFullException.class)
        .hasMessage("index insertInstance failed: storage full")
        .hasCause(full);
  }

  @Test
  void otherSqliteErrors_areStorageExceptions_namingTheResultCode() throws SQLException {
    SQLException syntax;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("x.db"));
        Statement s = c.createStatement()) {
      syntax = catchThrowableOfType(SQLException.class, () -> s.execute("SELEC 1"));
    }
    StorageException mapped = SqlDialect.SQLITE.failure("patient", syntax);
    assertThat(mapped).isNotInstanceOf(StorageFullException.class);
    assertThat(mapped).hasMessage("index patient failed (SQLITE_ERROR)");
  }

  @Test
  void postgresDiskFull53100_isStorageFull_evenWhenWrapped() {
    SQLException full = new SQLException("could not extend file", "53100");
    assertThat(SqlDialect.POSTGRESQL.failure("commit", full))
        .isInstanceOf(StorageFullException.class);
    SQLException wrapped = new SQLException("batch failed", "08006", full);
    assertThat(SqlDialect.POSTGRESQL.failure("commit", wrapped))
        .isInstanceOf(StorageFullException.class);
  }

  @Test
  void postgresUniqueViolation_isAConflictToRunAgain_namingNoValue() {
    StorageException mapped =
        SqlDialect.POSTGRESQL.failure("insertStudy", new SQLException("duplicate key (uid)=(1.2.3)", "23505"));
    assertThat(mapped)
        .isInstanceOf(org.custos.archive.IndexConflictException.class)
        .hasMessage("index insertStudy failed (SQLState 23505): a concurrent writer stored the same key first");
    assertThat(SqlDialect.POSTGRESQL.failure("insertStudy", new SQLException("other", "23503")))
        .isNotInstanceOf(org.custos.archive.IndexConflictException.class);
  }

  @Test
  void sqliteUniqueViolation_fromARealDatabase_isAConflict() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("unique.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (k TEXT UNIQUE)");
      s.execute("INSERT INTO t VALUES ('a')");
      SQLException duplicate = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO t VALUES ('a')"));
      assertThat(SqlDialect.SQLITE.failure("insert", duplicate))
          .isInstanceOf(org.custos.archive.IndexConflictException.class);
    }
  }

  /** Provokes SQLITE_FULL for real: a database capped at a few pages, filled past the cap. */
  private SQLException realSqliteFull() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("full.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (b BLOB)");
      s.execute("PRAGMA max_page_count = 8");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        insert.setBytes(1, new byte[64 * 1024]);
        return catchThrowableOfType(SQLException.class, insert::executeUpdate);
      }
    }
  }
}
