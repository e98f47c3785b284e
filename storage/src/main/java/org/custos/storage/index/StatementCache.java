package org.custos.storage.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection with its prepared statements kept for reuse. SQLite parses a statement anew on every
 * prepare, which cost more than running it on the ingest path, so SQLite keeps one cache per
 * connection for the connection's life; pooled PostgreSQL connections get one per transaction (the
 * driver caches server-side plans itself). Not thread-safe: used by whoever holds the connection.
 */
final class StatementCache implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** A prepared statement for {@code sql}; the caller must not close it. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Drops a statement that failed, so a broken one is never reused. */
  void discard(String sql) {
    PreparedStatement statement = statements.remove(sql);
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        // Already failed once; the connection closes it at the latest.
      }
    }
  }

  /** Closes the statements, not the connection. */
  @Override
  public void close() {
    for (String sql : statements.keySet().toArray(new String[0])) {
      discard(sql);
    }
  }
}
