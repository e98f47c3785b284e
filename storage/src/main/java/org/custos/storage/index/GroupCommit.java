package org.custos.storage.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.custos.archive.StorageException;
import org.custos.archive.index.IndexSession;

/**
 * Group commit on the one SQLite writer connection. Each writer runs its own work, on its own
 * thread, inside a SAVEPOINT of the open transaction (<a href="https://sqlite.org/lang_savepoint.html">SQLite
 * savepoints</a>); then, if other writers are already waiting for the connection, it leaves the
 * transaction open for them and waits, and the last writer of the group commits for all. A WAL
 * commit with {@code synchronous=FULL} costs one fsync, so N writers arriving together pay one
 * fsync, not N — the technique databases call group commit (PostgreSQL's {@code commit_delay},
 * InnoDB's binary log group commit).
 *
 * <p>What callers see is unchanged: a write returns only after its work is committed and durable;
 * works run one after another, each seeing those before it, as if each had committed in that order;
 * a work that throws is rolled back to its own savepoint and its exception reaches its own caller
 * while the others commit. When SQLite has rolled back the whole transaction by itself (SQLITE_FULL,
 * IOERR, NOMEM) nothing of the group was written: the other writers run their works again, each
 * from the start. A failed COMMIT fails every writer of the group with that failure (the outcome is
 * not known, so nothing is run twice).
 *
 * <p>A group closes after {@value #MAX_WRITERS} writers or {@value #MAX_OPEN_MILLIS} ms, so a
 * stream of writers cannot postpone a commit indefinitely. A single writer commits at once, as
 * before.
 */
final class GroupCommit {
  static final int MAX_WRITERS = 64;
  static final long MAX_OPEN_MILLIS = 50;
  private static final String SAVEPOINT = "custos_write";

  private final StatementCache writer;
  private final ReentrantLock lock;
  private final long maxOpenNanos;
  /** The open transaction's group, or null when none is open; guarded by {@link #lock}. */
  private Group open;

  GroupCommit(StatementCache writer, ReentrantLock lock) {
    this(writer, lock, MAX_OPEN_MILLIS);
  }

  /** With another bound on how long a group stays open (tests that hold a writer on purpose). */
  GroupCommit(StatementCache writer, ReentrantLock lock, long maxOpenMillis) {
    this.writer = writer;
    this.lock = lock;
    this.maxOpenNanos = TimeUnit.MILLISECONDS.toNanos(maxOpenMillis);
  }

  /** Runs {@code work} in a transaction shared with the writers waiting beside it; called holding nothing. */
  <T> T write(Function<IndexSession, T> work, Runnable checkOpen) {
    while (true) {
      Attempt<T> attempt = attempt(work, checkOpen);
      if (attempt.group() == null) {
        return attempt.result();
      }
      Group.Outcome outcome = attempt.group().await();
      if (outcome.committed()) {
        return attempt.result();
      }
      if (outcome.failure() != null) {
        throw commitFailure(outcome.failure());
      }
      // The group's transaction was rolled back by SQLite before its commit: run again.
    }
  }

  /** Commits a transaction left open for writers that are no longer coming (before close); holds the lock. */
  void commitOpen() {
    if (open != null) {
      commit(open);
    }
  }

  private <T> Attempt<T> attempt(Function<IndexSession, T> work, Runnable checkOpen) {
    lock.lock();
    try {
      checkOpen.run();
      Connection connection = writer.connection();
      if (open == null) {
        try {
          SqlDialect.SQLITE.begin(connection, true);
        } catch (SQLException e) {
          throw SqlDialect.SQLITE.failure("begin", e);
        }
        open = new Group(System.nanoTime());
      }
      Group group = open;
      T result;
      try {
        result = runInSavepoint(connection, work, group);
      } catch (Throwable t) {
        if (open == group && !continues(group)) {
          commit(group); // what the writers before this one staged
        }
        throw t;
      }
      group.writers++;
      if (continues(group)) {
        return new Attempt<>(result, group); // a waiting writer continues the transaction
      }
      commit(group);
      Group.Outcome outcome = group.await();
      if (outcome.failure() != null) {
        throw commitFailure(outcome.failure());
      }
      return new Attempt<>(result, null);
    } finally {
      lock.unlock();
    }
  }

  private static StorageException commitFailure(Throwable failure) {
    return failure instanceof SQLException e ? SqlDialect.SQLITE.failure("commit", e)
        : new StorageException("index commit failed (" + failure.getClass().getSimpleName() + ")", failure);
  }

  /** Whether to leave the transaction open for a writer already waiting for the connection. */
  private boolean continues(Group group) {
    return lock.hasQueuedThreads() && group.writers < MAX_WRITERS
        && System.nanoTime() - group.openedNanos < maxOpenNanos;
  }

  private <T> T runInSavepoint(Connection connection, Function<IndexSession, T> work, Group group) {
    try {
      execute(connection, "SAVEPOINT " + SAVEPOINT);
    } catch (SQLException e) {
      abort(group);
      throw SqlDialect.SQLITE.failure("savepoint", e);
    }
    JdbcSession session = new JdbcSession(new SqlRunner(writer, SqlDialect.SQLITE), true);
    T result;
    try {
      result = work.apply(session);
    } catch (Throwable t) {
      session.end();
      rollbackToSavepoint(connection, group, t);
      throw t;
    }
    session.end();
    try {
      execute(connection, "RELEASE " + SAVEPOINT);
    } catch (SQLException e) {
      StorageException failure = SqlDialect.SQLITE.failure("release savepoint", e);
      rollbackToSavepoint(connection, group, failure);
      throw failure;
    }
    return result;
  }

  /** Undoes one work; if SQLite already dropped the whole transaction, the group is aborted. */
  private void rollbackToSavepoint(Connection connection, Group group, Throwable cause) {
    try {
      execute(connection, "ROLLBACK TO " + SAVEPOINT);
      execute(connection, "RELEASE " + SAVEPOINT);
    } catch (Throwable e) {
      cause.addSuppressed(e);
      abort(group);
    }
  }

  /** Ends the group either way: its writers are always told, whatever COMMIT throws. */
  private void commit(Group group) {
    open = null;
    try {
      SqlDialect.SQLITE.commit(writer.connection());
      group.finish(new Group.Outcome(true, null));
    } catch (Throwable e) {
      rollbackQuietly(e);
      group.finish(new Group.Outcome(false, e));
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  private void abort(Group group) {
    open = null;
    try {
      rollbackQuietly(null);
    } finally {
      group.finish(new Group.Outcome(false, null));
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      SqlDialect.SQLITE.rollback(writer.connection());
    } catch (Throwable e) {
      // Fails harmlessly when SQLite already rolled back on its own.
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private record Attempt<T>(T result, Group group) {}

  /** The writers of one transaction, and how it ended. */
  private static final class Group {
    /** A failure is the COMMIT's; each writer raises its own exception from it, of the right kind (disk full...). */
    record Outcome(boolean committed, Throwable failure) {}

    final long openedNanos;
    int writers;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Outcome outcome;

    Group(long openedNanos) {
      this.openedNanos = openedNanos;
    }

    void finish(Outcome result) {
      outcome = result;
      done.countDown();
    }

    Outcome await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the write is staged: its outcome must be known before returning
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return outcome;
    }
  }
}
