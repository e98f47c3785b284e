package org.custos.storage.index;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;

/** Synthetic rows with random tokens and unique ids; the "sealed" bytes are random too. */
final class SampleRows {
  static final KeyVersion ROOT_V1 = new KeyVersion("root", 1);
  static final KeyVersion ROOT_V2 = new KeyVersion("root", 2);

  /** Millisecond precision: what the index keeps. */
  static final Instant T0 = Instant.ofEpochMilli(1_764_000_000_123L);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong NEXT = new AtomicLong();

  private SampleRows() {}

  static byte[] token() {
    return bytes(32);
  }

  static byte[] bytes(int length) {
    byte[] b = new byte[length];
    RANDOM.nextBytes(b);
    return b;
  }

  static String id(String prefix) {
    return prefix + "-" + NEXT.incrementAndGet();
  }

  static Instant at(int secondsAfterT0) {
    return T0.plusSeconds(secondsAfterT0);
  }

  static WrappedKey key(KeyVersion version) {
    return new WrappedKey(version, bytes(60));
  }

  static PatientRow patient() {
    return patient(ROOT_V1);
  }

  static PatientRow patient(KeyVersion wrappedBy) {
    return new PatientRow(
        id("pat"),
        token(),
        Optional.of(key(wrappedBy)),
        Optional.of(bytes(48)),
        false,
        T0,
        Optional.empty());
  }

  static StudyRow study(String patientId) {
    return new StudyRow(id("stu"), patientId, token(), bytes(80), Optional.of("20240131"), T0);
  }

  static SeriesRow series(String studyId) {
    return new SeriesRow(id("ser"), studyId, token(), "CT", bytes(40), T0);
  }

  static InstanceRow instance(SeriesRow series, StudyRow study, byte[] uidToken, int version) {
    return new InstanceRow(
        id("ins"),
        series.seriesId(),
        study.studyId(),
        study.patientId(),
        uidToken,
        version,
        true,
        BlobId.random(),
        1_000L + version,
        bytes(32),
        Optional.of(bytes(32)),
        "native-v1",
        bytes(32),
        "1.2.840.10008.5.1.4.1.1.2",
        "1.2.840.10008.1.2.1",
        false,
        "dimse:MODALITY1",
        bytes(200),
        T0.plusSeconds(version));
  }

  /** The same version, no longer current (as {@code supersede} leaves it). */
  static InstanceRow notCurrent(InstanceRow r) {
    return new InstanceRow(
        r.instanceId(),
        r.seriesId(),
        r.studyId(),
        r.patientId(),
        r.uidToken(),
        r.version(),
        false,
        r.blobId(),
        r.storedSizeBytes(),
        r.storedSeal(),
        r.pixelSeal(),
        r.pixelSealKind(),
        r.identitySeal(),
        r.sopClassUid(),
        r.transferSyntaxUid(),
        r.preambleZeroed(),
        r.source(),
        r.metadataSealed(),
        r.stored());
  }

  /** A recognisable stand-in for PHI, to check that it never reaches a message. */
  static byte[] phiMarker() {
    return "DOE^JANE^SECRET-PHI".getBytes(StandardCharsets.UTF_8);
  }
}
