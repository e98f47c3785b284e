package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.ingest.IngestOutcome;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.verify.VerifyReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole corpus through the real embedded archive: every valid, edge and derived file is
 * either stored and comes back byte-identical (preamble zeroed unless TIFF) or is refused with a
 * reason; every malformed file is refused and leaves nothing behind.
 */
class CorpusArchiveTest {
  @TempDir
  static Path dir;
  static ArchiveFixture fixture;
  static final List<Stored> stored = new ArrayList<>();
  static final List<String> refused = new ArrayList<>();

  record Stored(Path file, IngestReceipt receipt) {}

  @BeforeAll
  static void ingestCorpus() throws IOException {
    fixture = ArchiveFixture.create(dir);
    for (String category : List.of("valid", "edge", "derived")) {
      for (Path file : SharedCorpus.category(category)) {
        try {
          stored.add(new Stored(file, fixture.ingest(file)));
        } catch (InstanceRejectedException e) {
          refused.add(SharedCorpus.root().relativize(file) + ": " + e.getMessage());
        }
      }
    }
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void mostOfTheCorpusIsStored_andEveryRefusalHasAReason() {
    assertThat(stored).hasSizeGreaterThan(90);
    assertThat(refused).allSatisfy(reason -> assertThat(reason).containsPattern(":\\s+[A-Z_]+: \\S+"));
  }

  @Test
  void everyStoredVersion_comesBackByteIdentical_preambleAside() throws IOException {
    for (Stored s : stored) {
      byte[] expected = Files.readAllBytes(s.file());
      if (s.receipt().preambleZeroed()) {
        Arrays.fill(expected, 0, 128, (byte) 0);
      }
      String uid = uidOf(s);
      InstanceRow row = fixture.archive.versions(uid).stream()
          .filter(v -> v.instanceId().equals(s.receipt().instanceId())).findFirst().orElseThrow();
      try (InputStream in = fixture.archive.retriever().open(row, uid)) {
        assertThat(in.readAllBytes()).as(s.file().toString()).isEqualTo(expected);
      }
    }
  }

  @Test
  void duplicateUidsInTheCorpus_becomeVersionsOrAreRecognised() {
    assertThat(stored.stream().map(s -> s.receipt().outcome()))
        .contains(IngestOutcome.STORED)
        .containsAnyOf(IngestOutcome.NEW_VERSION, IngestOutcome.ALREADY_PRESENT);
  }

  @Test
  void verifyFindsEveryBlobIntact() {
    VerifyReport report = fixture.archive.verify(bytes -> { });

    assertThat(report.problems()).isEmpty();
    assertThat(report.versionsChecked()).isEqualTo(fixture.archive.countInstances());
  }

  @Test
  void everyMalformedFile_isRefused_andLeavesNothing() throws IOException {
    long before = fixture.archive.countInstances();
    long blobsBefore = countFiles(fixture.blobDir());
    List<String> accepted = new ArrayList<>();
    for (Path file : SharedCorpus.category("malformed")) {
      try {
        fixture.ingest(file);
        accepted.add(SharedCorpus.root().relativize(file).toString());
      } catch (InstanceRejectedException e) {
        assertThat(e).hasMessageMatching("(MALFORMED|MISSING_ATTRIBUTE|INVALID_ATTRIBUTE|HEADER_TOO_LARGE): .+");
      }
    }
    assertThat(accepted).as("malformed files the archive stored").isEmpty();
    assertThat(fixture.archive.countInstances()).isEqualTo(before);
    assertThat(countFiles(fixture.blobDir())).isEqualTo(blobsBefore);
  }

  private static String uidOf(Stored s) {
    return org.custos.dicom.DicomReader.read(s.file(), org.custos.dicom.ReadOptions.DEFAULT).dataSet()
        .getString(org.custos.dicom.dictionary.Tags.SOPInstanceUID).orElseThrow().strip();
  }

  static long countFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
