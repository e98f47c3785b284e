package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custos.archive.index.IndexSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that returned survives SIGKILL of the process mid-stream: another JVM writes patients in
 * a loop and is killed; every patient it reported as written is in the reopened index, and the file
 * passes SQLite's integrity check. (A power cut is beyond a test; synchronous=FULL, checked on
 * open, is what covers it.)
 */
final class SqliteIndexKillTest {
  private static final int REPORTED_BEFORE_KILL = 200;

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void everyReturnedWrite_survivesSigkill() throws Exception {
    Path file = dir.resolve("killed.db");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process victim =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SqliteKillVictim.class.getName(),
                file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> reported = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (reported.size() < REPORTED_BEFORE_KILL && (line = out.readLine()) != null) {
        reported.add(line);
      }
      // SIGKILL on Linux: no shutdown hooks, no close(). Through the handle, because
      // Process.destroyForcibly also closes the pipe that still holds reported ids.
      victim.toHandle().destroyForcibly();
      assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
      while ((line = out.readLine()) != null) {
        reported.add(line); // written and reported just before the kill landed
      }
    }
    assertThat(reported).hasSizeGreaterThanOrEqualTo(REPORTED_BEFORE_KILL);

    try (SqliteIndex index = SqliteIndex.open(file)) {
      for (String id : reported) {
        assertThat(index.read((IndexSession s) -> s.patient(id))).as(id).isPresent();
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo("ok");
    }
  }
}
