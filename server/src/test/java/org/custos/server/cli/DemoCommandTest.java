package org.custos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @Test
  void demo_loadsTheSampleStudiesIntoAThrowAwayArchive_andVerifiesThem(@TempDir Path home) throws Exception {
    CliRun run = CliRun.of("demo", "--home", home.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Imported 8 synthetic instances (made-up patients), 0 rejected.")
        .contains("Demo^Alice")
        .contains("Demo^Bob")
        .contains("Verified 8 instances against their seals: all intact");
    assertThat(Files.exists(home.resolve("demo").resolve("custos.conf"))).isTrue();

    CliRun again = CliRun.of("demo", "--home", home.toString());
    assertThat(again.exitCode()).as("a second demo replaces the throw-away instance: " + again.err()).isZero();
    assertThat(again.out()).contains("Imported 8 synthetic instances");
    try (Stream<Path> files = Files.list(home.resolve("samples"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".dcm")))
          .hasSize(8)
          .allSatisfy(p -> assertThat(DicomReader.read(p, ReadOptions.DEFAULT).warnings()).isEmpty());
    }
  }

  @Test
  void version_printsTheProductName() {
    assertThat(CliRun.of("--version").out()).startsWith("custos ");
    assertThat(CliRun.of("version").exitCode()).isZero();
  }
}
