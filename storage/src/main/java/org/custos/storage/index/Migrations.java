package org.custos.storage.index;

import javax.sql.DataSource;
import org.custos.archive.StorageException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the schema this build knows (Flyway), and refuses one that a newer build has
 * migrated further: Flyway would otherwise ignore migrations it does not know.
 */
final class Migrations {
  /**
   * The schema version this build reads and writes; raise it with every new migration. V2 is
   * reserved for the transparency log's tables (issue 4), built in parallel; V3 adds API keys.
   */
  static final MigrationVersion SCHEMA_VERSION = MigrationVersion.fromVersion("3");

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void migrate(DataSource dataSource, SqlDialect dialect) {
    MigrationInfo current;
    try {
      Flyway flyway =
          Flyway.configure()
              .dataSource(dataSource)
              .locations("classpath:" + dialect.migrations())
              .failOnMissingLocations(true)
              // The default ignores "*:future"; an index migrated by a newer build must not open.
              .ignoreMigrationPatterns(new String[0])
              .validateOnMigrate(true)
              .cleanDisabled(true)
              .load();
      int applied = flyway.migrate().migrationsExecuted;
      current = flyway.info().current();
      if (applied > 0) {
        LOG.info("index schema migrated to version {} ({} migrations)", SCHEMA_VERSION, applied);
      }
    } catch (FlywayException e) {
      throw new StorageException("index schema migration or validation failed", e);
    }
    if (current == null || !SCHEMA_VERSION.equals(current.getVersion())) {
      throw new StorageException(
          "index schema version is "
              + (current == null ? "none" : current.getVersion())
              + ", this build needs "
              + SCHEMA_VERSION);
    }
  }
}
