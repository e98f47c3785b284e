package org.custos.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.custos.archive.Archive;
import org.custos.archive.verify.VerifyReport;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.home.CustosInstance;
import org.custos.server.home.HomeInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, crash safety: the real {@code custos import} of 2,000 instances is killed with SIGKILL
 * at random moments, at least 20 times, and restarted: every other kill at a random time (start-up,
 * recovery, re-reading, storing), the others right after a random number of acknowledgements of
 * that run, when the next ingests are in flight. Afterwards every acknowledged instance is
 * retrievable and byte-identical to its source, no index row points to a missing blob, no orphan
 * blob survives the startup recovery, and a final run completes the rest.
 */
class CrashSafetyIT {
  private static final int INSTANCES = 2000;
  private static final int KILLS = 20;

  private static void awaitStored(CustosProcess process, int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (process.isAlive() && System.currentTimeMillis() < deadline
        && process.lines().stream().filter(line -> line.startsWith("stored ")).count() < count) {
      Thread.sleep(5);
    }
  }

  @Test
  void killedImportsLoseNothingAcknowledged_andARerunCompletesTheRest(@TempDir Path dir) throws Exception {
    Path sources = dir.resolve("sources");
    List<Path> files = SyntheticInstances.write(sources, INSTANCES, 25);
    Path home = dir.resolve("home");
    HomeInitializer.init(home, HomeInitializer.Seal.KEY_FILE, Map.of());
    Random random = new Random(20261125L);
    Set<String> acknowledged = new HashSet<>();
    int killedMidway = 0;
    int killedWhileStoring = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      CustosProcess process = CustosProcess.start("import", "--home", home.toString(), sources.toString());
      if (kill % 2 == 0) {
        // At a random moment: during start-up, recovery, re-reading what is present, or storing.
        Thread.sleep(300 + random.nextInt(4000));
      } else {
        // Right after the N-th acknowledgement of this run: the next ingests are in flight.
        awaitStored(process, 1 + random.nextInt(40), 60_000);
      }
      boolean wasAlive = process.isAlive();
      process.kill();
      if (wasAlive) {
        killedMidway++;
        if (process.lines().stream().anyMatch(line -> line.startsWith("stored "))) {
          killedWhileStoring++;
        }
      }
      for (String line : process.lines()) {
        if (line.startsWith("stored ") || line.startsWith("present ") || line.startsWith("version ")) {
          acknowledged.add(line.split(" ")[1]);
        }
      }
    }
    System.out.printf("crash test: %d kills, %d of them mid-import, %d after new instances were being stored; "
        + "%d instances acknowledged before the last kill%n", KILLS, killedMidway, killedWhileStoring, acknowledged.size());
    assertThat(killedMidway).as("kills that hit a running import").isGreaterThanOrEqualTo(KILLS);
    assertThat(killedWhileStoring).as("kills that hit an import while it stored new instances").isGreaterThanOrEqualTo(KILLS / 2);
    assertThat(acknowledged).as("instances acknowledged before the kills").isNotEmpty().hasSizeLessThan(INSTANCES);

    CustosProcess last = CustosProcess.start("import", "--home", home.toString(), sources.toString());
    assertThat(last.waitFor(600)).as(last.output()).isZero();
    assertThat(last.output()).contains("rejected 0");

    try (CustosInstance instance = CustosInstance.open(home, Map.of())) {
      Archive archive = instance.archive();
      assertThat(archive.countInstances()).isEqualTo(INSTANCES);
      for (Path file : files) {
        String uid = DicomReader.read(file, ReadOptions.DEFAULT).dataSet().getString(Tags.SOPInstanceUID).orElseThrow();
        try (InputStream in = archive.retrieve(uid)) {
          assertThat(Arrays.equals(in.readAllBytes(), Files.readAllBytes(file)))
              .as("instance from %s (acknowledged before a kill: %s)", file.getFileName(),
                  acknowledged.contains(file.toString()))
              .isTrue();
        }
      }
      VerifyReport report = archive.verify(bytes -> { });
      assertThat(report.problems()).as("missing blobs, seal mismatches or orphan blobs").isEmpty();
      assertThat(report.versionsChecked()).isEqualTo(INSTANCES);
    }
  }
}
