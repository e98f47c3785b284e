package org.custos.storage.index;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import org.custos.archive.StorageException;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.index.IndexSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index in a PostgreSQL database, for several archive nodes or large sites.
 *
 * <p>Guarantees: a write that returned is committed with {@code synchronous_commit = on} (set on
 * every connection, whatever the server default), so it survives a crash of the database server;
 * reads see one snapshot (REPEATABLE READ, READ ONLY); the schema is migrated on open and refused
 * if a newer build migrated it further. Server error details, which quote row values, are kept out
 * of exception messages.
 *
 * <p>Threading: thread-safe; each call borrows a pooled connection (HikariCP), so writes run in
 * parallel under READ COMMITTED. Two writes that race to create the same row (the same study UID
 * token, the same instance version) do not both succeed: the loser fails with a {@link
 * org.custos.archive.StorageException} and may be retried by the caller. A write inside a write on
 * the same thread is refused.
 */
public final class PostgresIndex implements ArchiveIndex {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresIndex.class);

  private final PostgresIndexConfig config;
  private final HikariDataSource pool;
  private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);

  private PostgresIndex(PostgresIndexConfig config, HikariDataSource pool) {
    this.config = config;
    this.pool = pool;
  }

  /** Connects, migrates the schema and returns the index; fails if the database is unreachable. */
  public static PostgresIndex open(PostgresIndexConfig config) {
    Objects.requireNonNull(config, "config");
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("custos-index");
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setAutoCommit(false);
    hikari.setConnectionInitSql("SET synchronous_commit = on");
    hikari.addDataSourceProperty("ApplicationName", "custos");
    // pgjdbc puts the server's DETAIL (e.g. "Key (uid_token)=(...)") into messages otherwise.
    hikari.addDataSourceProperty("logServerErrorDetail", "false");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StorageException("cannot connect to the PostgreSQL index " + config.location(), e);
    }
    try {
      Migrations.migrate(pool, SqlDialect.POSTGRESQL);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    LOG.info("opened PostgreSQL index {}", config.location());
    return new PostgresIndex(config, pool);
  }

  @Override
  public <T> T write(Function<IndexSession, T> work) {
    Objects.requireNonNull(work, "work");
    if (writing.get()) {
      throw new IllegalStateException("write called inside a write on the same index");
    }
    writing.set(true);
    try {
      return run(true, work);
    } finally {
      writing.remove();
    }
  }

  @Override
  public <T> T read(Function<IndexSession, T> work) {
    Objects.requireNonNull(work, "work");
    return run(false, work);
  }

  private <T> T run(boolean write, Function<IndexSession, T> work) {
    if (pool.isClosed()) {
      throw new IllegalStateException("index is closed");
    }
    try (Connection connection = pool.getConnection();
        StatementCache statements = new StatementCache(connection)) {
      return Transactions.run(statements, SqlDialect.POSTGRESQL, write, work);
    } catch (SQLException e) {
      // Borrowing or returning the connection failed; the work itself maps its own errors.
      throw SqlDialect.POSTGRESQL.failure(write ? "write" : "read", e);
    }
  }

  @Override
  public String describe() {
    return "PostgreSQL index " + config.location();
  }

  @Override
  public void close() {
    if (!pool.isClosed()) {
      pool.close();
      LOG.info("closed PostgreSQL index {}", config.location());
    }
  }
}
