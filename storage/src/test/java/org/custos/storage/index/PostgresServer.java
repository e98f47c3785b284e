package org.custos.storage.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the integration tests, one per JVM. With {@code CUSTOS_TEST_PG_URL} (and
 * {@code CUSTOS_TEST_PG_USER}, {@code CUSTOS_TEST_PG_PASSWORD}) it uses that database; otherwise it
 * starts a private throwaway server from the installed binaries (Debian's {@code postgresql}
 * package: /usr/lib/postgresql/N/bin) on a free loopback port, with its data and socket under
 * target/, and stops and deletes it when the JVM exits. PostgreSQL refuses to run as root, so as
 * root the binaries run as the {@code postgres} user through {@code runuser}. Missing binaries fail
 * the tests: they are never skipped. Each test gets a schema of its own.
 */
public final class PostgresServer {
  private static final String DATABASE = "custos_test";
  private static final String USER = "custos";
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static PostgresServer shared;

  private final String url;
  private final String user;
  private final String password;

  private PostgresServer(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public static synchronized PostgresServer shared() {
    if (shared == null) {
      String external = System.getenv("CUSTOS_TEST_PG_URL");
      shared =
          external != null && !external.isBlank()
              ? new PostgresServer(
                  external, env("CUSTOS_TEST_PG_USER"), env("CUSTOS_TEST_PG_PASSWORD"))
              : startPrivate();
    }
    return shared;
  }

  /** A new empty schema; the config selects it through {@code currentSchema}. */
  public PostgresIndexConfig freshSchema() {
    String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    return config(schema);
  }

  PostgresIndexConfig config(String schema) {
    String separator = url.contains("?") ? "&" : "?";
    return new PostgresIndexConfig(url + separator + "currentSchema=" + schema, user, password);
  }

  /**
   * A plain-text pg_dump of the schema a config selects, as an attacker with a database dump
   * would see it (the PHI scan reads it).
   */
  public String dump(PostgresIndexConfig config) throws IOException, InterruptedException {
    String u = config.jdbcUrl();
    String schema = u.substring(u.lastIndexOf('=') + 1);
    String hostPortDb = url.substring("jdbc:postgresql://".length());
    Path pgDump = binaries().resolve("pg_dump");
    ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "--no-owner", "-n", schema,
        "postgresql://" + user + "@" + hostPortDb);
    builder.environment().put("PGPASSWORD", password == null ? "" : password);
    Process process = builder.redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pg_dump failed: " + text);
    }
    return text;
  }

  public void dropSchema(PostgresIndexConfig config) {
    String u = config.jdbcUrl();
    execute("DROP SCHEMA IF EXISTS " + u.substring(u.lastIndexOf('=') + 1) + " CASCADE");
  }

  Connection connect(PostgresIndexConfig config) throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), user, password);
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test PostgreSQL: " + sql + " failed", e);
    }
  }

  private static String env(String name) {
    return Optional.ofNullable(System.getenv(name)).orElse("");
  }

  private static PostgresServer startPrivate() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = workDirectory(root);
    Path data = dir.resolve("data");
    int port = freePort();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, dir, root)));
    run(
        root,
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"));
    run(
        root,
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=200",
            "start"));
    String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
    try (Connection c = DriverManager.getConnection(base + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("test PostgreSQL started but CREATE DATABASE failed", e);
    }
    return new PostgresServer(base + DATABASE, USER, "");
  }

  /** The newest /usr/lib/postgresql/N/bin (Debian), else the directory of initdb on PATH. */
  private static Path binaries() {
    List<Path> candidates = new ArrayList<>();
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions
            .map(v -> v.resolve("bin"))
            .sorted(Comparator.comparing((Path p) -> majorVersion(p.getParent())).reversed())
            .forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!p.isEmpty()) {
        candidates.add(Path.of(p));
      }
    }
    return candidates.stream()
        .filter(
            b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "PostgreSQL server binaries (initdb, pg_ctl) not found in"
                        + " /usr/lib/postgresql/*/bin or on PATH: install Debian's postgresql"
                        + " package (./run-tests does), or set CUSTOS_TEST_PG_URL,"
                        + " CUSTOS_TEST_PG_USER and CUSTOS_TEST_PG_PASSWORD"));
  }

  private static int majorVersion(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * A fresh directory under target/ (under the system temp directory when that path is too long for
   * a Unix socket, 107 bytes), owned by postgres when running as root.
   */
  private static Path workDirectory(boolean root) {
    try {
      Path target = Path.of("target").toAbsolutePath();
      Files.createDirectories(target);
      Path dir = Files.createTempDirectory(target, "pg-");
      if (dir.resolve(".s.PGSQL.65535").toString().length() > 100) {
        Files.delete(dir);
        dir = Files.createTempDirectory("custos-pg-");
      }
      if (root) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the test PostgreSQL directory", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(boolean root, List<String> command) {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "test PostgreSQL: "
                + String.join(" ", full)
                + " failed:\n"
                + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("test PostgreSQL: cannot run " + full.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void stop(Path bin, Path dir, boolean root) {
    try {
      if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
        run(
            root,
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-m",
                "immediate",
                "-w",
                "stop"));
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit; target/ is cleaned by the next mvn clean anyway.
    }
  }
}
