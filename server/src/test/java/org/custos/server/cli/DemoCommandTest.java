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
  void demo_writesTheSampleStudiesAndPrintsTheirParsedSummary(@TempDir Path home) throws Exception {
    CliRun run = CliRun.of("demo", "--home", home.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Demo^Alice (DEMO-0001)")
        .contains("Demo^Bob (DEMO-0002)")
        .contains("CT chest (synthetic phantom)")
        .contains("8 files written and parsed back");
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
