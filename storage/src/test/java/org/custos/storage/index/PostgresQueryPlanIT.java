package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * PostgreSQL can answer every keyed statement through an index. On tiny tables the planner rightly
 * prefers a sequential scan, so {@code enable_seqscan = off} asks what it would do when a scan is
 * expensive: a statement without a usable index still shows "Seq Scan".
 */
final class PostgresQueryPlanIT {
  private static PostgresServer server;
  private static PostgresIndexConfig config;
  private static Connection connection;

  @BeforeAll
  static void createSchema() throws SQLException {
    // Here, not in a static initialiser, so a missing server fails with its own message.
    server = PostgresServer.shared();
    config = server.freshSchema();
    PostgresIndex.open(config).close();
    connection = server.connect(config);
    try (Statement s = connection.createStatement()) {
      s.execute("SET enable_seqscan = off");
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (connection != null) {
      connection.close();
      server.dropSchema(config);
    }
  }

  static Stream<Lookup> lookups() {
    return Stream.concat(IndexedStatements.INGEST.stream(), IndexedStatements.OTHER.stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void keyedStatement_usesAnIndex(Lookup lookup) throws SQLException {
    List<String> plan = plan(lookup);
    assertThat(plan).as(lookup.name() + " plan").anyMatch(line -> line.contains("Index"));
    assertThat(plan).as(lookup.name() + " plan").noneMatch(line -> line.contains("Seq Scan"));
  }

  private static List<String> plan(Lookup lookup) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement("EXPLAIN " + lookup.sql())) {
      for (int i = 0; i < lookup.parameters().size(); i++) {
        s.setObject(i + 1, lookup.parameters().get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          lines.add(r.getString(1));
        }
      }
    }
    return lines;
  }
}
