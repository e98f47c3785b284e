package org.custos.storage.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.custos.archive.IndexConflictException;
import org.custos.archive.StorageException;
import org.custos.archive.StorageFullException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases: how a transaction starts and ends, which error means "disk
 * full", and where the migrations are. The SQL of the operations is the same for both.
 */
enum SqlDialect {
  /**
   * The driver runs in auto-commit mode and transactions are explicit statements: sqlite-jdbc's own
   * transaction mode would re-open {@code BEGIN IMMEDIATE} right after every commit and so hold the
   * write lock while idle, locking out other processes (the CLI) for good.
   */
  SQLITE("db/migration/sqlite") {
    @Override
    void begin(Connection c, boolean write) throws SQLException {
      // IMMEDIATE takes the write lock up front, so a write never fails half-way with
      // SQLITE_BUSY on upgrading a read lock (https://sqlite.org/lang_transaction.html).
      execute(c, write ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    void commit(Connection c) throws SQLException {
      execute(c, "COMMIT");
    }

    @Override
    void rollback(Connection c) throws SQLException {
      // Fails harmlessly when SQLite already rolled back on its own (SQLITE_FULL, IOERR, NOMEM).
      execute(c, "ROLLBACK");
    }

    @Override
    boolean isStorageFull(SQLException e) {
      return e instanceof SQLiteException s
          && (s.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_FULL.code;
    }

    @Override
    boolean isUniqueConflict(SQLException e) {
      return e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
          || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    @Override
    String code(SQLException e) {
      // SQLite has no SQLState; its result code names the kind of failure, never a value.
      return e instanceof SQLiteException s
          ? s.getResultCode().name()
          : "SQLite " + e.getErrorCode();
    }
  },

  /** Connections come from the pool with auto-commit off; a transaction starts implicitly. */
  POSTGRESQL("db/migration/postgresql") {
    @Override
    void begin(Connection c, boolean write) throws SQLException {
      if (!write) {
        // One snapshot for the whole read, and no accidental writes.
        execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
    }

    @Override
    void commit(Connection c) throws SQLException {
      c.commit();
    }

    @Override
    void rollback(Connection c) throws SQLException {
      c.rollback();
    }

    @Override
    boolean isStorageFull(SQLException e) {
      return "53100".equals(e.getSQLState()); // disk_full, PostgreSQL Appendix A
    }

    @Override
    boolean isUniqueConflict(SQLException e) {
      return "23505".equals(e.getSQLState()); // unique_violation, PostgreSQL Appendix A
    }
  };

  private final String migrations;

  SqlDialect(String migrations) {
    this.migrations = migrations;
  }

  /** Classpath folder of this dialect's Flyway migrations. */
  String migrations() {
    return migrations;
  }

  abstract void begin(Connection c, boolean write) throws SQLException;

  abstract void commit(Connection c) throws SQLException;

  abstract void rollback(Connection c) throws SQLException;

  abstract boolean isStorageFull(SQLException e);

  /** A unique key a concurrent writer committed first. */
  abstract boolean isUniqueConflict(SQLException e);

  /** What kind of failure, for messages: the SQLState or the vendor's code name. */
  String code(SQLException e) {
    return "SQLState " + e.getSQLState();
  }

  /**
   * The archive's exception for a failed operation. The message names the operation and the error
   * code only: the driver's message (kept as the cause) may quote values.
   */
  StorageException failure(String operation, SQLException e) {
    String message = "index " + operation + " failed (" + code(e) + ")";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && isStorageFull(s)) {
        return new StorageFullException("index " + operation + " failed: storage full", e);
      }
      if (t instanceof SQLException s && isUniqueConflict(s)) {
        return new IndexConflictException(message + ": a concurrent writer stored the same key first", e);
      }
    }
    return new StorageException(message, e);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
