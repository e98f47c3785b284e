package org.custos.storage.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.custos.archive.index.IndexSession;

/**
 * Runs a work function in one transaction on a connection the caller holds exclusively. On any
 * exception from the work the transaction rolls back and the exception propagates unchanged (a
 * failed rollback is attached as suppressed); otherwise it commits, and a failed commit is a {@link
 * org.custos.archive.StorageException}. The session dies with the transaction.
 */
final class Transactions {
  private Transactions() {}

  static <T> T run(
      StatementCache statements,
      SqlDialect dialect,
      boolean write,
      Function<IndexSession, T> work) {
    Connection connection = statements.connection();
    try {
      dialect.begin(connection, write);
    } catch (SQLException e) {
      throw dialect.failure("begin", e);
    }
    JdbcSession session = new JdbcSession(new SqlRunner(statements, dialect), write);
    T result;
    try {
      result = work.apply(session);
    } catch (Throwable t) {
      session.end();
      rollbackAfter(t, connection, dialect);
      throw t;
    }
    session.end();
    try {
      dialect.commit(connection);
    } catch (SQLException e) {
      RuntimeException failure = dialect.failure("commit", e);
      rollbackAfter(failure, connection, dialect);
      throw failure;
    }
    return result;
  }

  private static void rollbackAfter(Throwable cause, Connection connection, SqlDialect dialect) {
    try {
      dialect.rollback(connection);
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
