package org.custos.storage.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.custos.archive.StorageException;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.index.IndexSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The index in one SQLite file: the default for a single server.
 *
 * <p>Guarantees: WAL journal with {@code synchronous=FULL}, so a write that returned has reached
 * the disk and survives a crash, SIGKILL or power cut; foreign keys enforced; the schema migrated
 * on open and refused if a newer build migrated it further.
 *
 * <p>Threading: thread-safe. SQLite allows one writer, so writes are serialised here, on one
 * connection behind a fair lock, rather than left to fail with SQLITE_BUSY, and writers that
 * arrive together share one commit ({@link GroupCommit}); reads run in parallel
 * on a small set of read-only connections, each on a snapshot, never blocked by the writer. A write
 * inside a write on the same thread is refused (it would share the connection). Other processes
 * opening the same file wait up to the busy timeout for the write lock.
 *
 * <p>Not provided: access control or encryption of the file itself; the rows are sealed before they
 * arrive.
 */
public final class SqliteIndex implements ArchiveIndex {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteIndex.class);
  private static final int READ_CONNECTIONS = 4;
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final int CACHE_KIB = 32 * 1024;

  private final Path file;
  private final StatementCache writer;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final GroupCommit groupCommit;
  private final BlockingQueue<StatementCache> readers;
  private volatile boolean closed;

  private SqliteIndex(Path file, Connection writer, List<Connection> readers) {
    this.file = file;
    this.writer = new StatementCache(writer);
    this.groupCommit = new GroupCommit(this.writer, writeLock);
    this.readers = new ArrayBlockingQueue<>(readers.size());
    readers.forEach(r -> this.readers.add(new StatementCache(r)));
  }

  /** Opens (creating if needed) the index at {@code file} and migrates its schema. */
  public static SqliteIndex open(Path file) {
    Objects.requireNonNull(file, "file");
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
    } catch (IOException e) {
      throw new StorageException("cannot create the index directory " + absolute.getParent(), e);
    }
    String url = "jdbc:sqlite:" + absolute;
    List<Connection> opened = new ArrayList<>();
    try {
      Migrations.migrate(dataSource(url), SqlDialect.SQLITE);
      Connection writer = dataSource(url).getConnection();
      opened.add(writer);
      checkPragma(writer, "journal_mode", "wal");
      checkPragma(writer, "synchronous", "2"); // FULL
      checkPragma(writer, "foreign_keys", "1");
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READ_CONNECTIONS; i++) {
        Connection reader = dataSource(url).getConnection();
        opened.add(reader);
        try (Statement s = reader.createStatement()) {
          s.execute("PRAGMA query_only = 1"); // a read transaction cannot write by mistake
        }
        readers.add(reader);
      }
      LOG.info("opened SQLite index {}", absolute);
      return new SqliteIndex(absolute, writer, readers);
    } catch (SQLException e) {
      closeAll(opened);
      throw SqlDialect.SQLITE.failure("open", e);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  @Override
  public <T> T write(Function<IndexSession, T> work) {
    Objects.requireNonNull(work, "work");
    if (writeLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("write called inside a write on the same index");
    }
    return groupCommit.write(work, this::checkOpen);
  }

  @Override
  public <T> T read(Function<IndexSession, T> work) {
    Objects.requireNonNull(work, "work");
    checkOpen();
    StatementCache reader = takeReader();
    try {
      return Transactions.run(reader, SqlDialect.SQLITE, false, work);
    } finally {
      readers.add(reader);
    }
  }

  @Override
  public String describe() {
    return "SQLite index " + file;
  }

  /** Waits for the running write and reads to finish, then closes every connection. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Connection> all = new ArrayList<>();
    writeLock.lock();
    try {
      groupCommit.commitOpen();
      writer.close();
      all.add(writer.connection());
      for (int i = 0; i < READ_CONNECTIONS; i++) {
        StatementCache reader = readers.take();
        reader.close();
        all.add(reader.connection());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      writeLock.unlock();
    }
    closeAll(all);
    LOG.info("closed SQLite index {}", file);
  }

  private StatementCache takeReader() {
    try {
      while (true) {
        // Polls so that a read racing close() fails instead of waiting for ever.
        StatementCache reader = readers.poll(100, TimeUnit.MILLISECONDS);
        if (reader != null) {
          if (closed) {
            readers.add(reader);
            checkOpen();
          }
          return reader;
        }
        checkOpen();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for an index read connection", e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("index is closed");
    }
  }

  private static SQLiteDataSource dataSource(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setCacheSize(-CACHE_KIB);
    // Nothing reads generated keys (ids are ours; events use RETURNING). Without this the driver
    // runs SELECT last_insert_rowid() after every INSERT: 22% of a log append (docs/benchmarks.md).
    config.setGetGeneratedKeys(false);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url);
    return dataSource;
  }

  private static void checkPragma(Connection c, String pragma, String expected)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
      String actual = r.next() ? r.getString(1) : null;
      if (!expected.equalsIgnoreCase(actual)) {
        throw new StorageException(
            "SQLite index: PRAGMA " + pragma + " is " + actual + ", need " + expected);
      }
    }
  }

  private static void closeAll(List<Connection> connections) {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.warn("closing an SQLite index connection failed (SQLState {})", e.getSQLState());
      }
    }
  }
}
