package org.custos.bench.log;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An index of an index file dropped for a bulk load and created again afterwards from its own
 * stored definition ({@code sqlite_master.sql}), so the schema ends exactly as the migration made
 * it. For building the synthetic log only: the leaf-hash index takes random inserts, and once it
 * outgrows the page cache every big transaction rewrites most of its pages (WAL and checkpoint),
 * while CREATE INDEX sorts once. Uses its own connection beside the open index (idle meanwhile;
 * SQLite re-prepares the index's statements after the schema change).
 */
final class DeferredIndex {
  private final Path db;
  private final String definition;

  private DeferredIndex(Path db, String definition) {
    this.db = db;
    this.definition = definition;
  }

  static DeferredIndex drop(Path db, String name) throws SQLException {
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      String definition;
      try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '" + name + "'")) {
        if (!r.next()) {
          throw new IllegalStateException("no index " + name + " in " + db);
        }
        definition = r.getString(1);
      }
      s.execute("DROP INDEX " + name);
      return new DeferredIndex(db, definition);
    }
  }

  /** Creates the index again; returns the seconds it took. */
  double create() throws SQLException {
    long start = System.nanoTime();
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute(definition);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static Connection connect(Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
  }
}
