package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.custos.storage.index.IndexedStatements.Lookup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQLite's own planner (EXPLAIN QUERY PLAN) answers every keyed statement with an index search,
 * never a table scan. SQLite plans without statistics, so the empty schema shows the plan it would
 * use at any size.
 */
final class SqliteQueryPlanTest {
  /** Scans of a constant or of the already limited subquery, not of a table. */
  private static final List<String> NOT_A_TABLE = List.of("SCAN CONSTANT ROW", "SCAN recent");

  private static Path dir;
  private static Connection connection;

  @BeforeAll
  static void createSchema() throws Exception {
    dir = Files.createTempDirectory("custos-plan");
    Path file = dir.resolve("plan.db");
    SqliteIndex.open(file).close();
    connection = DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  static Stream<Lookup> lookups() {
    return Stream.concat(IndexedStatements.INGEST.stream(), IndexedStatements.OTHER.stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void keyedStatement_searchesAnIndex(Lookup lookup) throws SQLException {
    List<String> plan = plan(lookup.sql());
    assertThat(plan).as(lookup.name() + " plan").anyMatch(line -> line.startsWith("SEARCH "));
    assertThat(plan)
        .as(lookup.name() + " plan")
        .noneMatch(line -> line.startsWith("SCAN ") && !NOT_A_TABLE.contains(line));
  }

  private static List<String> plan(String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
      while (r.next()) {
        lines.add(r.getString("detail"));
      }
    }
    return lines;
  }
}
