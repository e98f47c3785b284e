package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.custos.archive.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * {@link GroupCommit} on a real SQLite file in WAL mode: writers that queue behind each other share
 * a commit, a failing writer loses only its own rows, a transaction SQLite dropped by itself is run
 * again by the writers that had staged into it, and a failed COMMIT fails every writer of the group.
 * Groups are made deterministic by holding the first writer until the others are queued.
 */
class GroupCommitTest {
  @TempDir Path dir;
  private Connection connection;
  private ReentrantLock lock;
  private GroupCommit group;
  private final AtomicInteger commits = new AtomicInteger();
  private ExecutorService threads;

  @BeforeEach
  void open() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    connection = config.createConnection("jdbc:sqlite:" + dir.resolve("index.db"));
    sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    sql("CREATE TABLE item (name TEXT PRIMARY KEY, parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)");
    sql("CREATE TABLE commits (n INTEGER)");
    // SQLite's commit hook, through the driver: counts the transactions that committed.
    ((org.sqlite.SQLiteConnection) connection).addCommitListener(new org.sqlite.SQLiteCommitListener() {
      @Override
      public void onCommit() {
        commits.incrementAndGet();
      }

      @Override
      public void onRollback() {}
    });
    lock = new ReentrantLock(true);
    // Groups stay open as long as a test holds its first writer (the 50 ms bound has its own test).
    group = new GroupCommit(new StatementCache(connection), lock, 60_000);
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void close() throws Exception {
    threads.shutdownNow();
    connection.close();
  }

  @Test
  void writersQueuedBehindOne_shareItsTransaction_andAllAreDurableWhenTheyReturn() throws Exception {
    commits.set(0);
    Future<String> first = threads.submit(() -> group.write(s -> {
      awaitQueued(3);
      insert("a");
      return "a";
    }, () -> {}));
    List<Future<String>> others = new ArrayList<>();
    for (String name : List.of("b", "c", "d")) {
      awaitQueuedOrRunning(others.size());
      others.add(threads.submit(() -> group.write(s -> {
        insert(name);
        return name;
      }, () -> {})));
    }
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
    for (Future<String> other : others) {
      assertThat(other.get(10, TimeUnit.SECONDS)).isNotEmpty();
    }
    assertThat(commits.get()).as("one commit for the four writers").isEqualTo(1);
    assertThat(names()).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(connection.getAutoCommit()).isTrue();
    assertThat(inTransaction()).as("no transaction is left open").isFalse();
  }

  @Test
  void aWriterThatThrows_losesOnlyItsOwnRows_andGetsItsOwnException_theOthersCommit() throws Exception {
    Future<String> first = threads.submit(() -> group.write(s -> {
      awaitQueued(2);
      insert("a");
      return "a";
    }, () -> {}));
    awaitQueuedOrRunning(0);
    Future<String> failing = threads.submit(() -> group.write(s -> {
      insert("b");
      throw new IllegalArgumentException("work b refused");
    }, () -> {}));
    awaitQueuedOrRunning(1);
    Future<String> last = threads.submit(() -> group.write(s -> {
      insert("c");
      return "c";
    }, () -> {}));
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo("c");
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).cause()
        .isInstanceOf(IllegalArgumentException.class).hasMessage("work b refused");
    assertThat(names()).containsExactlyInAnyOrder("a", "c");
    assertThat(inTransaction()).isFalse();
  }

  @Test
  void whenSqliteDropsTheWholeTransaction_theWritersStagedInIt_runAgain_andCommit() throws Exception {
    AtomicInteger runsOfA = new AtomicInteger();
    Future<String> first = threads.submit(() -> group.write(s -> {
      if (runsOfA.incrementAndGet() == 1) {
        awaitQueued(1);
      }
      insert("a");
      return "a";
    }, () -> {}));
    awaitQueuedOrRunning(0);
    Future<String> killer = threads.submit(() -> group.write(s -> {
      insert("b");
      // What SQLite does on SQLITE_FULL or IOERR: the whole transaction is rolled back under us.
      sql("ROLLBACK");
      throw new IllegalStateException("disk failed under work b");
    }, () -> {}));
    assertThatThrownBy(() -> killer.get(10, TimeUnit.SECONDS)).cause().hasMessage("disk failed under work b");
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(runsOfA.get()).as("a ran again in a new transaction").isEqualTo(2);
    assertThat(names()).containsExactly("a");
    assertThat(inTransaction()).isFalse();
  }

  @Test
  void aFailedCommit_failsEveryWriterOfTheGroup_andNothingOfItRemains() throws Exception {
    Future<String> first = threads.submit(() -> group.write(s -> {
      awaitQueued(1);
      insert("a");
      return "a";
    }, () -> {}));
    awaitQueuedOrRunning(0);
    Future<String> violating = threads.submit(() -> group.write(s -> {
      // A deferred foreign key is checked at COMMIT only: the savepoint is released, the commit fails.
      sql("INSERT INTO item (name, parent) VALUES ('b', 42)");
      return "b";
    }, () -> {}));
    for (Future<String> writer : List.of(first, violating)) {
      assertThatThrownBy(() -> writer.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StorageException.class)
          .hasMessageContaining("commit");
    }
    assertThat(names()).isEmpty();
    assertThat(inTransaction()).isFalse();
    Integer after = group.write(s -> {
      insert("after");
      return 1;
    }, () -> {});
    assertThat(after).as("the connection is usable again").isEqualTo(1);
    assertThat(names()).containsExactly("after");
  }

  @Test
  void aLoneWriter_commitsAtOnce_andManyConcurrentWriters_allLand() throws Exception {
    commits.set(0);
    Integer alone = group.write(s -> {
      insert("alone");
      return 1;
    }, () -> {});
    assertThat(alone).isEqualTo(1);
    assertThat(commits.get()).isEqualTo(1);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      all.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 50; i++) {
          String name = thread + "-" + i;
          group.write(s -> {
            insert(name);
            return null;
          }, () -> {});
        }
      }, threads));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(commits.get()).as("commits for 401 writes").isBetween(2, 401);
    assertThat(names()).hasSize(401);
    assertThat(inTransaction()).isFalse();
  }

  @Test
  void aGroupOpenLongerThanItsBound_commitsEvenWithWritersWaiting() throws Exception {
    GroupCommit bounded = new GroupCommit(new StatementCache(connection), lock, 0);
    commits.set(0);
    Future<String> first = threads.submit(() -> bounded.write(s -> {
      awaitQueued(1);
      insert("a");
      return "a";
    }, () -> {}));
    awaitQueuedOrRunning(0);
    Future<String> second = threads.submit(() -> bounded.write(s -> {
      insert("b");
      return "b";
    }, () -> {}));
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("b");
    assertThat(commits.get()).as("each writer committed on its own").isEqualTo(2);
  }

  @Test
  void aClosedIndex_refusesTheWrite_beforeTouchingTheConnection() {
    assertThatThrownBy(() -> group.write(s -> {
      insert("never");
      return 1;
    }, () -> {
      throw new IllegalStateException("index is closed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("index is closed");
    assertThat(lock.isLocked()).isFalse();
  }

  private void awaitQueued(int writers) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lock.getQueueLength() < writers) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the other writers never queued");
      }
      Thread.onSpinWait();
    }
  }

  /** Waits until the writers submitted so far hold or wait for the lock, so that they queue in order. */
  private void awaitQueuedOrRunning(int alreadyQueued) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!lock.isLocked() || lock.getQueueLength() < alreadyQueued) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("writer " + alreadyQueued + " never queued");
      }
      Thread.onSpinWait();
    }
  }

  private void insert(String name) {
    sql("INSERT INTO item (name) VALUES ('" + name + "')");
  }

  private void sql(String statement) {
    try (Statement s = connection.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> names() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM item")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  private boolean inTransaction() {
    try {
      sql("BEGIN");
      sql("ROLLBACK");
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
