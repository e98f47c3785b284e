package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.verify.VerifyReport;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.custos.storage.blob.s3.S3BlobStore;
import org.custos.storage.blob.s3.S3ProxyServer;
import org.custos.storage.index.PostgresIndex;
import org.custos.storage.index.PostgresIndexConfig;
import org.custos.storage.index.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out shape (DESIGN.md "Scale"): the archive on a real PostgreSQL index and an S3 store
 * (S3Proxy on loopback, file-backed). The corpus round-trips byte for byte, verify passes, and
 * neither the pg_dump of the index nor any object file behind S3Proxy holds a corpus name, ID or
 * birth date.
 */
class PostgresS3ArchiveIT {
  private static final String PROBE = "Probe^Value^Not^In^The^Corpus";

  @Test
  void theCorpusOnPostgresAndS3_roundTrips_andLeaksNoPhi(@TempDir Path dir) throws Exception {
    List<Path> corpus = new ArrayList<>();
    for (String category : List.of("valid", "edge", "derived")) {
      corpus.addAll(SharedCorpus.category(category));
    }
    Set<String> phi = new LinkedHashSet<>(PhiScan.corpusPhi(corpus));
    phi.removeAll(PhiScan.clearStudyDates(corpus));
    Path objects = dir.resolve("s3");
    Files.createDirectories(objects);
    PostgresServer postgres = PostgresServer.shared();
    PostgresIndexConfig schema = postgres.freshSchema();
    try (S3ProxyServer s3 = S3ProxyServer.start(objects)) {
      s3.client().createBucket(b -> b.bucket("custos"));
      int stored = 0;
      try (ArchiveFixture fixture = ArchiveFixture.on(dir, S3BlobStore.connect(s3.config("custos").build()),
          PostgresIndex.open(schema))) {
        List<IngestReceipt> receipts = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path file : corpus) {
          try {
            receipts.add(fixture.ingest(file));
            files.add(file);
            stored++;
          } catch (InstanceRejectedException e) {
            // CorpusArchiveTest checks the reasons
          }
        }
        assertThat(stored).isGreaterThan(90);
        for (int i = 0; i < files.size(); i++) {
          String uid = DicomReader.read(files.get(i), ReadOptions.DEFAULT).dataSet().getString(Tags.SOPInstanceUID)
              .orElseThrow().strip();
          String instanceId = receipts.get(i).instanceId();
          var row = fixture.archive.versions(uid).stream().filter(v -> v.instanceId().equals(instanceId)).findFirst()
              .orElseThrow();
          byte[] expected = Files.readAllBytes(files.get(i));
          if (receipts.get(i).preambleZeroed()) {
            Arrays.fill(expected, 0, 128, (byte) 0);
          }
          try (InputStream in = fixture.archive.retriever().open(row, uid)) {
            assertThat(in.readAllBytes()).as(files.get(i).toString()).isEqualTo(expected);
          }
        }
        // A marker stored as bytea, to prove below that the dump scan sees inside bytea values.
        fixture.archive.context().index().write(session -> {
          session.putSetting("phi-scan-probe", PROBE.getBytes(StandardCharsets.UTF_8));
          return null;
        });
        VerifyReport report = fixture.archive.verify(b -> { });
        assertThat(report.problems()).isEmpty();
        assertThat(report.versionsChecked()).isEqualTo(stored);
      }
      String dump = postgres.dump(schema);
      assertThat(dump).contains("CREATE TABLE").contains("COPY");
      Path dumpFile = dir.resolve("dump").resolve("index.sql");
      Files.createDirectories(dumpFile.getParent());
      Files.write(dumpFile, PgDumpContent.of(dump));
      assertThat(new String(Files.readAllBytes(dumpFile), StandardCharsets.ISO_8859_1)).contains("instances");
      assertThat(PhiScan.find(phi, dumpFile.getParent())).as("pg_dump of the index").isEmpty();
      assertThat(PhiScan.find(Set.of(PROBE), dumpFile.getParent())).as("the probe inside a bytea").hasSize(1);
      assertThat(PhiScan.find(phi, objects)).as("objects behind S3").isEmpty();
    } finally {
      postgres.dropSchema(schema);
    }
  }
}
