package org.custos.storage.index;

import java.sql.Connection;
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

  private final Connection connection;
  private final SqlDialect dialect;

  SqlRunner(Connection connection, SqlDialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  int update(String operation, String sql, Binder binder) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      binder.bind(s);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw dialect.failure(operation, e);
    }
  }

  <T> Optional<T> first(String operation, String sql, Binder binder, RowMapper<T> mapper) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      binder.bind(s);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(mapper.map(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw dialect.failure(operation, e);
    }
  }

  <T> T one(String operation, String sql, Binder binder, RowMapper<T> mapper) {
    return first(operation, sql, binder, mapper)
        .orElseThrow(() -> new StorageException("index " + operation + " returned no row"));
  }

  <T> List<T> list(String operation, String sql, Binder binder, RowMapper<T> mapper) {
    List<T> rows = new ArrayList<>();
    each(operation, sql, binder, r -> rows.add(mapper.map(r)));
    return rows;
  }

  /** Streams the rows to {@code action} without holding them all (a cursor on PostgreSQL). */
  void each(String operation, String sql, Binder binder, RowAction action) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
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

  /** Consumes the current row of a result set. */
  interface RowAction {
    void accept(ResultSet r) throws SQLException;
  }
}
