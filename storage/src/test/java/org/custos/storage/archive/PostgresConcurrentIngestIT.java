package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custos.archive.ingest.IngestOutcome;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.storage.blob.fs.FileBlobStore;
import org.custos.storage.index.PostgresIndex;
import org.custos.storage.index.PostgresIndexConfig;
import org.custos.storage.index.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL, ingests of one known patient run in parallel transactions (only the instance's
 * own UID is locked): instances of a new study arriving together race to create its study and
 * series rows. The loser of each race runs its recording again and finds the winner's rows, so
 * every instance is stored under one study.
 */
class PostgresConcurrentIngestIT {
  @Test
  void instancesOfANewStudy_forAKnownPatient_storedTogether_allLand_inOneStudy(@TempDir Path dir) throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    PostgresIndexConfig schema = postgres.freshSchema();
    try (ArchiveFixture fixture = ArchiveFixture.on(dir, FileBlobStore.at(dir.resolve("blobs")),
        PostgresIndex.open(schema))) {
      TestInstance known = TestInstance.of("PG-RACE-1", "HOSP-A", "Race^Rita");
      fixture.ingest(known.bytes());
      for (int round = 0; round < 5; round++) {
        TestInstance study = TestInstance.of("PG-RACE-1", "HOSP-A", "Race^Rita"); // new study and series UIDs
        List<byte[]> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          sends.add(study.sameStudyNewInstance().bytes());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sends.size());
        try {
          List<Future<IngestReceipt>> receipts = new ArrayList<>();
          for (byte[] bytes : sends) {
            receipts.add(pool.submit(() -> {
              start.await();
              return fixture.ingest(bytes);
            }));
          }
          start.countDown();
          List<String> studies = new ArrayList<>();
          for (Future<IngestReceipt> receipt : receipts) {
            IngestReceipt r = receipt.get(60, TimeUnit.SECONDS);
            assertThat(r.outcome()).isEqualTo(IngestOutcome.STORED);
            studies.add(r.studyId());
          }
          assertThat(studies).as("one study row for the round's instances").containsOnly(studies.get(0));
        } finally {
          pool.shutdownNow();
        }
      }
      assertThat(fixture.archive.patients(0, 10)).hasSize(1);
      assertThat(fixture.archive.countInstances()).isEqualTo(1 + 5 * 6);
      assertThat(fixture.archive.verify(b -> { }).problems()).isEmpty();
    } finally {
      postgres.dropSchema(schema);
    }
  }
}
