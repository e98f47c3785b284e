package org.custos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `custos import` reads DICOMDIR media and zip files, not just loose files. */
class ImportSourcesCommandTest {
  @Test
  void aDicomdir_importsTheFilesItReferences(@TempDir Path dir) {
    String home = dir.resolve("home").toString();
    assertThat(CliRun.of("init", "--home", home).exitCode()).isZero();

    CliRun run = CliRun.of("import", "--home", home, CliRun.corpus("dicomdir/DICOMDIR"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("imported 31, already present 0, new versions 0, rejected 0");
  }

  @Test
  void aZipFile_importsItsEntries_andSkipsADicomdirInside(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    assertThat(CliRun.of("init", "--home", home).exitCode()).isZero();
    Path zip = dir.resolve("studies.zip");
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      for (String name : new String[] {"valid/pydicom/MR_small.dcm", "valid/pydicom/CT_small.dcm", "dicomdir/DICOMDIR"}) {
        out.putNextEntry(new ZipEntry("export/" + name));
        out.write(Files.readAllBytes(Path.of(CliRun.corpus(name))));
        out.closeEntry();
      }
    }

    CliRun run = CliRun.of("import", "--home", home, zip.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("imported 2, already present 0, new versions 0, rejected 0")
        .contains(zip + "!export/valid/pydicom/CT_small.dcm");
  }

  @Test
  void aFolderWalk_skipsDicomdirFiles_andImportsTheRest(@TempDir Path dir) {
    String home = dir.resolve("home").toString();
    assertThat(CliRun.of("init", "--home", home).exitCode()).isZero();

    CliRun run = CliRun.of("import", "--home", home, Path.of(CliRun.corpus("dicomdir/DICOMDIR")).getParent().toString());

    assertThat(run.out()).contains("imported 31,").doesNotContain("DICOMDIR:");
    assertThat(run.exitCode()).as(run.out()).isZero();
  }
}
