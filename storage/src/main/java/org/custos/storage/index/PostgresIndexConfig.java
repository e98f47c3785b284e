package org.custos.storage.index;

import java.util.Objects;

/**
 * Where the PostgreSQL index lives. {@code jdbcUrl} is a {@code jdbc:postgresql:} URL (a {@code
 * currentSchema} parameter selects the schema); {@code maxPoolSize} bounds the connections the
 * archive holds. {@code toString} omits the password.
 */
public record PostgresIndexConfig(String jdbcUrl, String user, String password, int maxPoolSize) {
  public static final int DEFAULT_POOL_SIZE = 8;

  public PostgresIndexConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("PostgreSQL index URL must start with jdbc:postgresql:");
    }
    if (maxPoolSize < 1 || maxPoolSize > 200) {
      throw new IllegalArgumentException("maxPoolSize must be 1..200, was " + maxPoolSize);
    }
  }

  public PostgresIndexConfig(String jdbcUrl, String user, String password) {
    this(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  /** The URL without its query parameters (which may carry credentials). */
  public String location() {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }

  @Override
  public String toString() {
    return "PostgresIndexConfig[" + location() + ", user " + user + ", pool " + maxPoolSize + "]";
  }
}
