package org.custos.storage.index;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.archive.StorageException;

/**
 * Runs one statement on the transaction's connection and turns every {@link SQLException} into a
 * {@link StorageException} named after the operation. Not thread-safe (one per transaction).
 */
final class SqlRunner {
  /** Binds the parameters of a statement. */
  interface Binder {
    Binder NONE = s -> {};

    void bind(PreparedStatement s) throws SQLException;
  }

  /** Maps the current row of a result set. */
  interface RowMapper<T> {
    T map(ResultSet r) throws SQLException;
  }

  private static final int FETCH_SIZE = 500;

  private final StatementCache statements;
  private final SqlDialect dialect;

  SqlRunner(StatementCache statements, SqlDialect dialect) {
    this.statements = statements;
    this.dialect = dialect;
  }

  int update(String operation, String sql, Binder binder) {
    try {
      PreparedStatement s = statements.prepare(sql);
      binder.bind(s);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure(operation, sql, e);
    }
  }

  <T> Optional<T> first(String operation, String sql, Binder binder, RowMapper<T> mapper) {
    try {
      PreparedStatement s = statements.prepare(sql);
      binder.bind(s);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(mapper.map(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(operation, sql, e);
    }
  }

  <T> T one(String operation, String sql, Binder binder, RowMapper<T> mapper) {
    return first(operation, sql, binder, mapper)
        .orElseThrow(() -> new StorageException("index " + operation + " returned no row"));
  }

  <T> List<T> list(String operation, String sql, Binder binder, RowMapper<T> mapper) {
    try {
      PreparedStatement s = statements.prepare(sql);
      binder.bind(s);
      List<T> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(mapper.map(r));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure(operation, sql, e);
    }
  }

  /**
   * Streams the rows to {@code action} without holding them all (a cursor on PostgreSQL). The
   * statement is not cached: the action may run other statements, even this one, meanwhile.
   */
  void each(String operation, String sql, Binder binder, RowAction action) {
    try (PreparedStatement s = statements.connection().prepareStatement(sql)) {
      s.setFetchSize(FETCH_SIZE);
      binder.bind(s);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          action.accept(r);
        }
      }
    } catch (SQLException e) {
      throw dialect.failure(operation, e);
    }
  }

  private RuntimeException failure(String operation, String sql, SQLException e) {
    statements.discard(sql);
    return dialect.failure(operation, e);
  }

  /** Consumes the current row of a result set. */
  interface RowAction {
    void accept(ResultSet r) throws SQLException;
  }
}
