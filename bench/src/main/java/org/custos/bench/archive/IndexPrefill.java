package org.custos.bench.archive;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;

/**
 * Fills an index with synthetic rows shaped like real ones (random tokens and ciphertext of
 * realistic sizes): one study and series per patient, {@code perSeries} instances per series.
 * Through the index port, in transactions of 10,000 instances.
 */
final class IndexPrefill {
  private static final SecureRandom RANDOM = new SecureRandom();

  private IndexPrefill() {}

  static void fill(ArchiveIndex index, int instances, int perSeries) {
    Instant now = Instant.now();
    int done = 0;
    while (done < instances) {
      int batchEnd = Math.min(instances, done + 10_000);
      int from = done;
      index.write(session -> {
        for (int i = from; i < batchEnd; i += perSeries) {
          String patient = "pk-prefill-" + i;
          session.insertPatient(new PatientRow(patient, bytes(32),
              Optional.of(new WrappedKey(new KeyVersion("root", 1), bytes(120))), Optional.of(bytes(160)), false, now,
              Optional.empty()));
          session.addToken(patient, BlindIndexDomain.PATIENT_ID, bytes(32));
          session.addToken(patient, BlindIndexDomain.PATIENT_NAME_TOKEN, bytes(32));
          session.addToken(patient, BlindIndexDomain.PATIENT_NAME_TOKEN, bytes(32));
          String study = "st-prefill-" + i;
          session.insertStudy(new StudyRow(study, patient, bytes(32), bytes(200), Optional.of("20240101"), now));
          session.addToken(study, BlindIndexDomain.ACCESSION_NUMBER, bytes(32));
          String series = "se-prefill-" + i;
          session.insertSeries(new SeriesRow(series, study, bytes(32), "MR", bytes(120), now));
          for (int k = 0; k < perSeries && i + k < batchEnd; k++) {
            session.insertInstance(new InstanceRow("in-prefill-" + (i + k), series, study, patient, bytes(32), 1, true,
                BlobId.random(), 200_000, bytes(32), Optional.of(bytes(32)), "DECODED", bytes(32),
                "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.1.2.1", false, "prefill", bytes(1024), now));
          }
        }
        return null;
      });
      done = batchEnd;
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
