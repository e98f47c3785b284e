package org.custos.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's synthetic files are valid for a real implementation: dcmtk reads them without a warning. */
class SampleStudiesIT {
  @Test
  void dcmtkReadsEverySampleWithoutWarnings(@TempDir Path dir) throws Exception {
    assertThat(Path.of("/usr/bin/dcmdump")).as("dcmtk missing: run ./run-tests, it installs it").exists();
    List<Path> files = SampleStudyWriter.writeAll(dir);
    assertThat(files).hasSize(8);
    for (Path file : files) {
      Process p = new ProcessBuilder("dcmdump", "-q", "+U8", "+P", "PatientName", "+P", "Rows", file.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(out).isZero();
      assertThat(out).doesNotContain("W:").doesNotContain("E:").contains("Demo^");
    }
    assertThat(Files.size(files.get(0))).isGreaterThan(128 * 128 * 2);
  }
}
