package org.custos.bench.log;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The peer of the log's appends: one plain row per leaf ({@code INTEGER PRIMARY KEY} and a random
 * blob; optionally an index on the blob, the cost of indexing a random hash) in its own SQLite file with the index's durability settings (WAL,
 * {@code synchronous=FULL}, the same page cache), one {@code BEGIN IMMEDIATE ... COMMIT} per batch
 * and one reused prepared statement. What SQLite itself costs for the same number of rows and
 * commits; the rest of the log's figure is the tree, the indexes and the sealing. Not thread-safe.
 */
final class PlainTable implements AutoCloseable {
  private final Connection connection;
  private final PreparedStatement insert;
  private final SplittableRandom random = new SplittableRandom(3);
  private long nextId;

  private PlainTable(Connection connection, boolean indexPayload) throws SQLException {
    this.connection = connection;
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, payload BLOB NOT NULL) STRICT");
      if (indexPayload) {
        s.execute("CREATE INDEX plain_payload ON plain (payload)");
      }
    }
    this.insert = connection.prepareStatement("INSERT INTO plain (id, payload) VALUES (?, ?)");
  }

  static PlainTable create(Path file, boolean indexPayload) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(10_000);
    config.setCacheSize(-32 * 1024); // as SqliteIndex: 32 MiB
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return new PlainTable(source.getConnection(), indexPayload);
  }

  /** Inserts {@code rows} rows of {@code payloadBytes} random bytes in one durable transaction. */
  void batch(int rows, int payloadBytes) {
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      for (int i = 0; i < rows; i++) {
        byte[] payload = new byte[payloadBytes];
        random.nextBytes(payload);
        insert.setLong(1, nextId++);
        insert.setBytes(2, payload);
        insert.executeUpdate();
      }
      s.execute("COMMIT");
    } catch (SQLException e) {
      throw new IllegalStateException("plain insert failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws SQLException {
    insert.close();
    connection.close();
  }
}
