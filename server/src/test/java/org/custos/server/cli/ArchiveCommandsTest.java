package org.custos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive commands end to end, in process: init, import, ls, verify, export, keys rotate, patient shred. */
class ArchiveCommandsTest {
  @Test
  void theArchiveLifecycle_throughTheCommandLine(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    assertThat(CliRun.of("init", "--home", home).exitCode()).isZero();
    assertThat(CliRun.of("init", "--home", home).err()).contains("already initialised");

    CliRun imported = CliRun.of("import", "--home", home, CliRun.corpus("valid/pydicom/MR_small.dcm"),
        CliRun.corpus("valid/pydicom/CT_small.dcm"), CliRun.corpus("valid/pydicom/hotiron.dcm"));
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isEqualTo(ImportCommand.EXIT_REJECTS);
    assertThat(imported.out()).contains("imported 2, already present 0, new versions 0, rejected 1")
        .contains("rejected " + CliRun.corpus("valid/pydicom/hotiron.dcm") + ": MISSING_ATTRIBUTE: Study Instance UID");
    assertThat(imported.out() + imported.err()).as("import output names files and ids, never patients")
        .doesNotContain("CompressedSamples").doesNotContain("4MR1").doesNotContain("1CT1");

    CliRun again = CliRun.of("import", "--home", home, CliRun.corpus("valid/pydicom/MR_small.dcm"));
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("imported 0, already present 1");

    CliRun ls = CliRun.of("ls", "--home", home);
    assertThat(ls.exitCode()).as(ls.err()).isZero();
    assertThat(ls.out()).contains("CompressedSamples^MR1").contains("CompressedSamples^CT1").contains("2 studies");

    CliRun verify = CliRun.of("verify", "--home", home);
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.out()).contains("verified 2 instance versions").contains("MB/s").contains("OK");

    String study = DicomReader.read(Path.of(CliRun.corpus("valid/pydicom/MR_small.dcm")), ReadOptions.DEFAULT)
        .dataSet().getString(Tags.StudyInstanceUID).orElseThrow();
    Path out = dir.resolve("export");
    CliRun export = CliRun.of("export", "--home", home, "--study", study, "--out", out.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    List<Path> exported;
    try (Stream<Path> files = Files.list(out)) {
      exported = files.toList();
    }
    assertThat(exported).singleElement().satisfies(file ->
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(Path.of(CliRun.corpus("valid/pydicom/MR_small.dcm")))));

    CliRun rotate = CliRun.of("keys", "rotate", "--home", home);
    assertThat(rotate.exitCode()).as(rotate.err()).isZero();
    assertThat(rotate.out()).contains("root key is now keyring-root/v2; 2 patient keys re-wrapped").contains("retired: [keyring-root/v1]");
    assertThat(CliRun.of("verify", "--home", home).exitCode()).isZero();

    assertThat(CliRun.of("patient", "shred", "--home", home, "--patient-id", "4MR1").err()).contains("--yes");
    CliRun shred = CliRun.of("patient", "shred", "--home", home, "--patient-id", "4MR1", "--yes");
    assertThat(shred.exitCode()).as(shred.err()).isZero();
    assertThat(CliRun.of("ls", "--home", home).out()).doesNotContain("CompressedSamples^MR1").contains("1 studies");
    CliRun events = CliRun.of("events", "--home", home);
    assertThat(events.exitCode()).isZero();
    assertThat(events.out()).contains("ROOT_KEY_ROTATED").contains("ROOT_KEY_RETIRED").contains("PATIENT_SHREDDED")
        .doesNotContain("CompressedSamples").doesNotContain("4MR1");
    CliRun afterShred = CliRun.of("verify", "--home", home);
    assertThat(afterShred.exitCode()).isZero();
    assertThat(afterShred.out()).contains("1 of shredded patients skipped");
    assertThat(CliRun.of("export", "--home", home, "--study", study, "--out", dir.resolve("x").toString()).exitCode())
        .isEqualTo(1);
  }

  @Test
  void withoutAnInstanceFolder_theCommandsSayHowToCreateOne(@TempDir Path dir) {
    CliRun ls = CliRun.of("ls", "--home", dir.resolve("nothing").toString());

    assertThat(ls.exitCode()).isEqualTo(1);
    assertThat(ls.err()).contains("custos init");
  }
}
