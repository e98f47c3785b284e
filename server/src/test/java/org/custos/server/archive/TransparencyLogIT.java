package org.custos.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Vr;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 end to end with the real programs: `custos` imports, issues a receipt and serves its log
 * through `custos log …`; the standalone `custos-verify.jar` checks the receipt offline and against
 * the instance folder; `custos witness` cosigns; and when the database is rolled back to an earlier
 * copy, `custos verify --since`, the witness and an older receipt all catch it.
 */
class TransparencyLogIT {
  @TempDir
  Path dir;
  String logKey;

  @Test
  void receiptsWitnessAndRollback_withTheRealPrograms() throws Exception {
    Path home = dir.resolve("home");
    run(0, "init", "--home", home.toString());
    List<Path> files = SyntheticInstances.write(dir.resolve("in"), 4, 2);
    run(0, "import", "--home", home.toString(), dir.resolve("in").toString());
    run(0, "ls", "--home", home.toString());
    run(0, "export", "--home", home.toString(), "--study", studyOf(files.get(0)), "--out", dir.resolve("out").toString());
    logKey = run(0, "log", "key", "--home", home.toString()).strip();
    assertThat(logKey).startsWith("custos/ar-");

    String witnessKey = run(0, "witness", "init", "--state", dir.resolve("witness").toString(), "--name",
        "witness.test").strip();
    Files.writeString(home.resolve("custos.conf"), "\nlog.witnesses=" + witnessKey + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(witness(0)).contains("cosigned: " + logKey.substring(0, logKey.indexOf('+')));
    assertThat(run(0, "log", "checkpoint", "--home", home.toString())).contains("— witness.test ");

    Path receipt = dir.resolve("receipt.json");
    Files.writeString(receipt, run(0, "receipt", "--home", home.toString(), "--patient-id", "SYN-000000"));
    assertThat(Files.readString(receipt)).as("reads by ls and export are in the patient's log")
        .contains("\"purpose\": \"list\"").contains("\"purpose\": \"export\"");
    String offline = verify(0, receipt.toString(), "--log-key", logKey, "--witness", witnessKey);
    assertThat(offline).contains(sopOf(files.get(0))).contains(sopOf(files.get(1)));
    String live = verify(0, receipt.toString(), "--log-key", logKey, "--against", home.toString(), "--custos",
        launcher().toString());
    assertThat(live).contains(sopOf(files.get(0)) + ": unchanged since").contains(sopOf(files.get(1)) + ": unchanged since");

    Path changed = dir.resolve("changed");
    Files.createDirectories(changed);
    String added = relabel(files.get(0), changed.resolve("v2.dcm"), changed.resolve("new.dcm"));
    run(0, "import", "--home", home.toString(), changed.toString());
    String since = verify(0, receipt.toString(), "--log-key", logKey, "--against", home.toString(), "--custos",
        launcher().toString());
    assertThat(since).contains(sopOf(files.get(0)) + ": altered: version 2 stored")
        .contains(sopOf(files.get(1)) + ": unchanged since").contains("new image added since: " + added);

    Path checkpoint = dir.resolve("checkpoint-before-copy.txt");
    Files.writeString(checkpoint, run(0, "checkpoint", "--home", home.toString()));
    Path database = home.resolve("index/custos.db");
    Path copy = dir.resolve("custos-copy.db");
    Files.copy(database, copy);
    assertThat(Files.exists(Path.of(database + "-wal"))).as("the index is closed cleanly, its WAL folded in").isFalse();

    SyntheticInstances.write(dir.resolve("later"), 2, 2);
    run(0, "import", "--home", home.toString(), dir.resolve("later").toString());
    assertThat(witness(0)).contains("cosigned:");
    Path later = dir.resolve("checkpoint-later.txt");
    Files.writeString(later, run(0, "checkpoint", "--home", home.toString()));
    Path laterReceipt = dir.resolve("receipt-later.json");
    Files.writeString(laterReceipt, run(0, "receipt", "--home", home.toString(), "--patient-id", "SYN-000000"));
    assertThat(run(0, "verify", "--home", home.toString(), "--since", checkpoint.toString())).contains("OK:");

    Files.copy(copy, database, StandardCopyOption.REPLACE_EXISTING);

    assertThat(run(5, "verify", "--home", home.toString(), "--since", later.toString()))
        .contains("LOG_NOT_EXTENSION").contains("rolled back or truncated");
    assertThat(witness(6)).contains("ALARM: log rolled back");
    assertThat(verify(2, laterReceipt.toString(), "--log-key", logKey, "--against", home.toString(), "--custos",
        launcher().toString())).contains("rolled back");
  }

  private String witness(int expectedExit) throws Exception {
    return run(expectedExit, "witness", "run", "--once", "--state", dir.resolve("witness").toString(), "--log-key",
        logKey, "--log", dir.resolve("home").toString(),
        "--custos", launcher().toString());
  }

  private static String run(int expectedExit, String... args) throws Exception {
    CustosProcess process = CustosProcess.start(args);
    assertThat(process.waitFor(180)).as(String.join(" ", args) + "\n" + process.output()).isEqualTo(expectedExit);
    return process.output() + "\n";
  }

  private static String verify(int expectedExit, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", verifierJar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", args) + "\n" + output).isEqualTo(expectedExit);
    return output;
  }

  /** An executable `custos` for the verifier and the witness to run against the instance folder. */
  private Path launcher() throws Exception {
    Path script = dir.resolve("custos.sh");
    if (!Files.exists(script)) {
      Files.writeString(script, "#!/bin/sh\nexec '" + java() + "' -Xmx256m -jar '"
          + CustosProcess.jar().toAbsolutePath() + "' \"$@\"\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
    return script;
  }

  private static Path verifierJar() {
    Path jar = Path.of("..", "verifier", "target", "custos-verify.jar");
    assertThat(jar).as("the verifier module's jar (built before this module)").isRegularFile();
    return jar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String studyOf(Path file) {
    return DicomReader.read(file, ReadOptions.DEFAULT).dataSet().getString(Tags.StudyInstanceUID).orElseThrow();
  }

  private static String sopOf(Path file) {
    return DicomReader.read(file, ReadOptions.DEFAULT).dataSet().getString(Tags.SOPInstanceUID).orElseThrow();
  }

  /** Writes a second version of {@code original} (one more attribute) and a new image of its patient; returns the new image's UID. */
  private static String relabel(Path original, Path secondVersion, Path newImage) throws Exception {
    DicomFile source = DicomReader.read(original, ReadOptions.DEFAULT.withAllValuesInMemory());
    write(source, SyntheticInstances.text(source.dataSet(), Tags.ImageComments, Vr.LT, "re-sent"), secondVersion);
    String uid = SyntheticInstances.uid();
    write(source, SyntheticInstances.text(source.dataSet(), Tags.SOPInstanceUID, Vr.UI, uid), newImage);
    return uid;
  }

  private static void write(DicomFile source, DataSet dataSet, Path file) throws Exception {
    String sop = dataSet.getString(Tags.SOPInstanceUID).orElseThrow();
    FileMeta meta = new FileMeta(source.fileMeta().orElseThrow().preamble(), SyntheticInstances.text(
        source.fileMeta().orElseThrow().elements(), Tags.MediaStorageSOPInstanceUID, Vr.UI, sop), source.transferSyntax());
    try (var out = Files.newOutputStream(file)) {
      DicomWriter.writeFile(out, meta, dataSet, source.transferSyntax(), BulkDataSource.NONE);
    }
  }

}
