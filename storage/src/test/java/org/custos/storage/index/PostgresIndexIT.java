package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.custos.archive.StorageException;
import org.custos.archive.index.ArchiveIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL (see {@link PostgresServer}), one schema per test. */
final class PostgresIndexIT extends ArchiveIndexContract {
  private final PostgresServer server = PostgresServer.shared();
  private PostgresIndexConfig config;

  @Override
  protected ArchiveIndex openFresh() {
    config = server.freshSchema();
    return PostgresIndex.open(config);
  }

  @Override
  protected ArchiveIndex reopen() {
    return PostgresIndex.open(config);
  }

  @AfterEach
  void dropSchema() {
    server.dropSchema(config);
  }

  @Test
  void schemaIsThisBuildsVersion_andDescribeHidesTheQuery() throws SQLException {
    try (Connection c = server.connect(config);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT max(version) FROM flyway_schema_history WHERE success")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo(Migrations.SCHEMA_VERSION.getVersion());
    }
    assertThat(index().describe())
        .startsWith("PostgreSQL index jdbc:postgresql:")
        .doesNotContain("?");
    assertThat(config.toString()).doesNotContain("password=");
  }

  @Test
  void schemaMigratedByANewerBuild_isRefused() throws SQLException {
    index().close();
    try (Connection c = server.connect(config);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
              + " script, checksum, installed_by, execution_time, success)"
              + " VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'test', 0, true)");
    }
    assertThatThrownBy(() -> PostgresIndex.open(config))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("schema");
    replaceIndex(PostgresIndex.open(server.freshSchema()));
  }

  @Test
  void unreachableServer_failsWithAStorageException() {
    PostgresIndexConfig nowhere =
        new PostgresIndexConfig("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "x", "y");
    assertThatThrownBy(() -> PostgresIndex.open(nowhere))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("127.0.0.1:1/none")
        .hasMessageNotContaining("connectTimeout");
  }
}
