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
  static final String[] SERVE_AND_CHECK = {"--port", "0", "--http-port", "0", "--exit-after-start"};

  @Test
  void demo_loadsTheSampleStudiesIntoAThrowAwayArchive_verifiesThem_andServesThemOverHttps(@TempDir Path home)
      throws Exception {
    CliRun run = CliRun.of(demo(home));
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    assertThat(run.out())
        .contains("Imported 8 synthetic instances (made-up patients), 0 rejected.")
        .contains("Demo^Alice")
        .contains("Demo^Bob")
        .contains("Verified 8 instances against their seals: all intact")
        .containsPattern("HTTPS +https://127\\.0\\.0\\.1:\\d+\\n")
        .containsPattern("HTTP +http://127\\.0\\.0\\.1:\\d+ +\\(plain HTTP: loopback only\\)")
        .containsPattern("DICOMweb root +https://127\\.0\\.0\\.1:\\d+/dicom-web")
        .containsPattern("SHA-256 +([0-9A-F]{2}:){31}[0-9A-F]{2}")
        .containsPattern("API key +cst_[0-9a-f]{16}_[0-9a-f]{64}")
        .contains("Self-check: HTTPS")
        .contains("Self-check: STOW-RS without a key -> 401")
        .contains("Self-check: STOW-RS of a sample with the demo key -> 200 application/dicom+json")
        .contains("Self-check passed; demo stopped.");
    assertThat(Files.exists(home.resolve("demo").resolve("custos.conf"))).isTrue();
    assertThat(Files.getPosixFilePermissions(home.resolve("demo/tls/self-signed.key")))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    CliRun again = CliRun.of(demo(home));
    assertThat(again.exitCode()).as("a second demo replaces the throw-away instance: " + again.err()).isZero();
    assertThat(again.out()).contains("Imported 8 synthetic instances");
    try (Stream<Path> files = Files.list(home.resolve("samples"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".dcm")))
          .hasSize(8)
          .allSatisfy(p -> assertThat(DicomReader.read(p, ReadOptions.DEFAULT).warnings()).isEmpty());
    }
  }

  private static String[] demo(Path home) {
    String[] args = new String[3 + SERVE_AND_CHECK.length];
    args[0] = "demo";
    args[1] = "--home";
    args[2] = home.toString();
    System.arraycopy(SERVE_AND_CHECK, 0, args, 3, SERVE_AND_CHECK.length);
    return args;
  }

  @Test
  void version_printsTheProductName() {
    assertThat(CliRun.of("--version").out()).startsWith("custos ");
    assertThat(CliRun.of("version").exitCode()).isZero();
  }
}
