package org.custos.bench.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.log.LogAppender;
import org.custos.archive.log.LogEntries;
import org.custos.archive.seal.PixelSealKind;
import org.custos.archive.seal.Seals;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.PatientKey;

/**
 * Full log appends as the archive makes them: {@link LogAppender#append} of instance.stored and
 * access entries in turn (the two kinds an ingest and a read write), for patients drawn at random
 * from a set with real patient keys, in one write transaction per batch. Each append reads the
 * owner's chain head, canonicalises the entry, seals salt ‖ entry with AES-256-GCM under the
 * patient key, inserts the entry row, appends the leaf and moves the chain head.
 */
final class EntryAppends {
  private static final String UID_ROOT = "1.2.826.0.1.3680043.8.498.";
  private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
  private static final Access ACCESS = new Access("apikey:7f3a9c21", "treatment");

  private final LogAppender appender;
  private final List<PatientKey> patients = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(4);
  private long appended;

  EntryAppends(KeyHierarchy keys, int patientCount) {
    this.appender = new LogAppender(keys.openLogKeys(keys.createLogKeys()));
    for (int i = 0; i < patientCount; i++) {
      patients.add(keys.createPatientKey().key());
    }
  }

  /** One durable write transaction appending {@code count} entries. */
  void batch(ArchiveIndex index, int count) {
    index.write(session -> {
      for (int i = 0; i < count; i++) {
        PatientKey patient = patients.get(random.nextInt(patients.size()));
        appender.append(session, patient, entry(patient.id()));
      }
      return null;
    });
  }

  private Map<String, Object> entry(String patientId) {
    Instant now = Instant.now();
    if ((appended++ & 1) == 0) {
      Seals seals = new Seals(digest(), Optional.of(digest()), PixelSealKind.DECODED, digest());
      return LogEntries.instanceStored(now, patientId, new LogEntries.StoredInstance(uid(), uid(), uid(),
          CT_IMAGE_STORAGE, 1, seals, "dicomweb"));
    }
    return LogEntries.access(now, patientId, ACCESS, ReadAction.RETRIEVE, uid());
  }

  /** A UID of a typical length (50-64 characters) under a registered root. */
  private String uid() {
    StringBuilder uid = new StringBuilder(UID_ROOT).append(1 + random.nextInt(9));
    int length = 50 + random.nextInt(15);
    while (uid.length() < length) {
      uid.append(random.nextInt(10));
    }
    return uid.toString();
  }

  private byte[] digest() {
    byte[] digest = new byte[32];
    random.nextBytes(digest);
    return digest;
  }
}
