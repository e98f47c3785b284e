package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.ingest.IngestOutcome;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.ingest.RejectReason;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3 §1: idempotence, versions, patient identity, required UIDs, preambles, durability. */
class IngestBehaviourTest {
  @TempDir
  Path dir;
  ArchiveFixture fixture;

  @BeforeEach
  void open() {
    fixture = ArchiveFixture.create(dir);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void theSameBytesTwice_returnTheEarlierReceipt_andStoreNothingNew() throws Exception {
    byte[] bytes = TestInstance.of("P1", "HOSP-A", "Doe^Jane").bytes();
    IngestReceipt first = fixture.ingest(bytes);
    long blobs = CorpusArchiveTest.countFiles(fixture.blobDir());

    IngestReceipt again = fixture.ingest(bytes);

    assertThat(first.outcome()).isEqualTo(IngestOutcome.STORED);
    assertThat(again.outcome()).isEqualTo(IngestOutcome.ALREADY_PRESENT);
    assertThat(again.instanceId()).isEqualTo(first.instanceId());
    assertThat(again.seals().stored()).isEqualTo(first.seals().stored());
    assertThat(CorpusArchiveTest.countFiles(fixture.blobDir())).isEqualTo(blobs);
  }

  @Test
  void theSameUidWithOtherBytes_isANewVersion_theOldStaysRetrievable_andTheConflictIsRecorded() throws Exception {
    TestInstance original = TestInstance.of("P1", "HOSP-A", "Doe^Jane");
    TestInstance edited = original.with(Tags.StudyDescription, Vr.LO, "edited after the fact");
    IngestReceipt v1 = fixture.ingest(original.bytes());

    IngestReceipt v2 = fixture.ingest(edited.bytes());

    assertThat(v2.outcome()).isEqualTo(IngestOutcome.NEW_VERSION);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(fixture.retrieve(original.sopInstanceUid())).isEqualTo(edited.bytes());
    var versions = fixture.archive.versions(original.sopInstanceUid());
    assertThat(versions).extracting(r -> r.version()).containsExactly(1, 2);
    try (var in = fixture.archive.retriever().open(versions.get(0), original.sopInstanceUid())) {
      assertThat(in.readAllBytes()).isEqualTo(original.bytes());
    }
    assertThat(fixture.archive.events(Optional.of(ArchiveEvent.Kind.VERSION_CONFLICT), 10))
        .singleElement().satisfies(e -> assertThat(e.subjectId()).isEqualTo(v2.instanceId()));
    assertThat(v1.instanceId()).isNotEqualTo(v2.instanceId());
  }

  @Test
  void aSmallInstance_isWrittenWithFourKibSegments_aLargeOneWithOneMib_andBothReadBack() throws Exception {
    TestInstance small = TestInstance.of("SEG-1", "HOSP-A", "Small^Sam");
    TestInstance large = TestInstance.of("SEG-2", "HOSP-A", "Large^Lara").with(Tags.TextValue, Vr.UT, "x".repeat(300_000));
    fixture.ingest(small.bytes());
    fixture.ingest(large.bytes());

    assertThat(bodyBytes(small)).isEqualTo(tinkBody(plaintextBytes(small), 4096));
    assertThat(bodyBytes(large)).isEqualTo(tinkBody(plaintextBytes(large), 1 << 20));
    assertThat(fixture.retrieve(small.sopInstanceUid())).isEqualTo(small.bytes());
    assertThat(fixture.retrieve(large.sopInstanceUid())).isEqualTo(large.bytes());
  }

  private long plaintextBytes(TestInstance instance) {
    return fixture.archive.versions(instance.sopInstanceUid()).get(0).storedSizeBytes();
  }

  /** The blob file's length after its header: Tink's segmented body as laid out in docs/formats/blob.md. */
  private long bodyBytes(TestInstance instance) throws Exception {
    String blobId = fixture.archive.versions(instance.sopInstanceUid()).get(0).blobId().value();
    try (var walk = java.nio.file.Files.walk(fixture.blobDir())) {
      java.nio.file.Path file = walk.filter(p -> p.getFileName().toString().equals(blobId)).findFirst().orElseThrow();
      try (var in = java.nio.file.Files.newInputStream(file)) {
        int header = new org.custos.crypto.BlobCipher().readHeader(in).headerLengthBytes();
        return java.nio.file.Files.size(file) - header;
      }
    }
  }

  private static long tinkBody(long plaintext, int segmentBytes) {
    long first = segmentBytes - 16 - 40;
    long later = segmentBytes - 16;
    long segments = plaintext <= first ? 1 : 1 + (plaintext - first + later - 1) / later;
    return plaintext + 40 + 16 * segments;
  }

  @Test
  void concurrentInstancesOfOnePatient_newThenKnown_makeOnePatient_andEveryVersionIsStoredOnce() throws Exception {
    TestInstance first = TestInstance.of("CONC-1", "HOSP-A", "Parallel^Pat");
    TestInstance shared = first.sameStudyNewInstance();
    List<byte[]> sends = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sends.add(first.sameStudyNewInstance().bytes()); // a new patient: first instances race
    }
    for (int i = 0; i < 3; i++) {
      sends.add(shared.with(Tags.StudyDescription, Vr.LO, "edit " + i).bytes()); // one UID, three contents
    }
    runTogether(sends);
    List<byte[]> more = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      more.add(first.sameStudyNewInstance().bytes()); // the patient is known now: no patient lock
    }
    runTogether(more);

    assertThat(fixture.archive.patients(0, 10)).hasSize(1);
    assertThat(fixture.archive.versions(shared.sopInstanceUid())).extracting(r -> r.version())
        .containsExactlyInAnyOrder(1, 2, 3);
    assertThat(fixture.archive.countInstances()).as("instance versions").isEqualTo(6 + 3 + 6);
    var report = fixture.archive.verify(done -> {});
    assertThat(report.problems()).as("blobs, seals, index and transparency log agree").isEmpty();
  }

  @Test
  void aStagedInstance_isNeitherVisibleNorDurable_untilFinished_onAnotherThread_andAbandonLeavesNothing() throws Exception {
    TestInstance kept = TestInstance.of("STAGE-1", "HOSP-A", "Staged^Stan");
    TestInstance dropped = kept.sameStudyNewInstance();
    long blobsBefore = CorpusArchiveTest.countFiles(fixture.blobDir());
    var source = new org.custos.archive.ingest.IngestSource("test", "tester");

    // One at a time: a thread that stages holds the instance's locks until it is finished, so a
    // second staging on the same thread could wait for itself (STOW-RS finishes on other threads).
    var stagedKept = fixture.archive.stage(new java.io.ByteArrayInputStream(kept.bytes()), source);
    assertThat(fixture.archive.versions(kept.sopInstanceUid())).isEmpty();
    assertThat(fixture.archive.countInstances()).isZero();
    var finisher = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      IngestReceipt receipt = finisher.submit(stagedKept::finish).get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(receipt.outcome()).isEqualTo(IngestOutcome.STORED);
      var stagedDropped = fixture.archive.stage(new java.io.ByteArrayInputStream(dropped.bytes()), source);
      finisher.submit(stagedDropped::abandon).get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      finisher.shutdownNow();
    }
    assertThat(fixture.retrieve(kept.sopInstanceUid())).isEqualTo(kept.bytes());
    assertThat(fixture.archive.versions(dropped.sopInstanceUid())).isEmpty();
    assertThat(CorpusArchiveTest.countFiles(fixture.blobDir())).isEqualTo(blobsBefore + 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(stagedKept::finish).isInstanceOf(IllegalStateException.class);
    // The locks were released by the other thread: the same UIDs can be sent again at once.
    assertThat(fixture.ingest(dropped.bytes()).outcome()).isEqualTo(IngestOutcome.STORED);
    assertThat(fixture.ingest(kept.bytes()).outcome()).isEqualTo(IngestOutcome.ALREADY_PRESENT);
  }

  private void runTogether(List<byte[]> instances) throws Exception {
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(instances.size());
    try {
      List<java.util.concurrent.Future<IngestReceipt>> receipts = new java.util.ArrayList<>();
      for (byte[] bytes : instances) {
        receipts.add(pool.submit(() -> {
          start.await();
          return fixture.ingest(bytes);
        }));
      }
      start.countDown();
      for (var receipt : receipts) {
        assertThat(receipt.get(60, java.util.concurrent.TimeUnit.SECONDS).instanceId()).isNotEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSamePatientIdFromTwoIssuers_isTwoPatients() {
    IngestReceipt a = fixture.ingest(TestInstance.of("12345", "HOSP-A", "Doe^Jane").bytes());
    IngestReceipt b = fixture.ingest(TestInstance.of("12345", "HOSP-B", "Roe^Richard").bytes());
    IngestReceipt a2 = fixture.ingest(TestInstance.of("12345", "HOSP-A", "Doe^Jane").bytes());

    assertThat(a.patientId()).isNotEqualTo(b.patientId());
    assertThat(a2.patientId()).isEqualTo(a.patientId());
    assertThat(a.identityConflict()).isFalse();
    assertThat(b.identityConflict()).isFalse();
  }

  @Test
  void theSameIdAndIssuerWithAnotherName_isStoredButFlagged() {
    IngestReceipt first = fixture.ingest(TestInstance.of("12345", "HOSP-A", "Doe^Jane").bytes());
    IngestReceipt other = fixture.ingest(TestInstance.of("12345", "HOSP-A", "Smith^John").bytes());
    IngestReceipt birth = fixture.ingest(TestInstance.of("12345", "HOSP-A", "Doe^Jane")
        .with(Tags.PatientBirthDate, Vr.DA, "19990101").bytes());

    assertThat(other.patientId()).isEqualTo(first.patientId());
    assertThat(other.identityConflict()).isTrue();
    assertThat(birth.identityConflict()).isTrue();
    assertThat(other.warnings()).anySatisfy(w -> assertThat(w).contains("identity conflict"));
    assertThat(fixture.archive.events(Optional.of(ArchiveEvent.Kind.IDENTITY_CONFLICT), 10)).hasSize(2)
        .allSatisfy(e -> assertThat(e.detail()).doesNotContain("Smith").doesNotContain("12345"));
    assertThat(fixture.archive.patients(0, 10)).singleElement().satisfies(p -> assertThat(p.identityConflict()).isTrue());
  }

  @Test
  void missingIdentifyingUids_areRefused_namingTheAttribute() {
    TestInstance base = TestInstance.of("P1", "", "Doe^Jane");
    assertRejected(base.without(Tags.SOPInstanceUID), RejectReason.MISSING_ATTRIBUTE, "SOP Instance UID");
    assertRejected(base.without(Tags.StudyInstanceUID), RejectReason.MISSING_ATTRIBUTE, "Study Instance UID");
    assertRejected(base.without(Tags.SeriesInstanceUID), RejectReason.MISSING_ATTRIBUTE, "Series Instance UID");
    assertRejected(base.without(Tags.SOPClassUID), RejectReason.MISSING_ATTRIBUTE, "SOP Class UID");
    assertRejected(base.with(Tags.SOPInstanceUID, Vr.UI, "1.2.abc"), RejectReason.INVALID_ATTRIBUTE, "SOP Instance UID");
    assertThat(fixture.archive.countInstances()).isZero();
  }

  private void assertRejected(TestInstance instance, RejectReason reason, String attribute) {
    assertThatThrownBy(() -> fixture.ingest(instance.bytes()))
        .isInstanceOfSatisfying(InstanceRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(attribute);
  }

  @Test
  void anExecutablePreamble_isZeroed_butATiffHeaderIsKept() throws Exception {
    byte[] executable = new byte[128];
    executable[0] = 'M';
    executable[1] = 'Z';
    Arrays.fill(executable, 2, 60, (byte) 0x90);
    TestInstance polyglot = TestInstance.of("P1", "", "Doe^Jane").withPreamble(executable);
    byte[] tiff = new byte[128];
    tiff[0] = 'I';
    tiff[1] = 'I';
    tiff[2] = 42;
    TestInstance dualFormat = TestInstance.of("P2", "", "Roe^Rick").withPreamble(tiff);

    IngestReceipt zeroed = fixture.ingest(polyglot.bytes());
    IngestReceipt kept = fixture.ingest(dualFormat.bytes());

    assertThat(zeroed.preambleZeroed()).isTrue();
    byte[] back = fixture.retrieve(polyglot.sopInstanceUid());
    assertThat(Arrays.copyOf(back, 128)).containsOnly(0);
    assertThat(Arrays.copyOfRange(back, 128, back.length))
        .isEqualTo(Arrays.copyOfRange(polyglot.bytes(), 128, polyglot.bytes().length));
    assertThat(kept.preambleZeroed()).isFalse();
    assertThat(fixture.retrieve(dualFormat.sopInstanceUid())).isEqualTo(dualFormat.bytes());
    assertThat(fixture.archive.events(Optional.of(ArchiveEvent.Kind.PREAMBLE_ZEROED), 10)).hasSize(1);
  }

  @Test
  void whatWasAcknowledged_survivesAReopen() throws Exception {
    TestInstance instance = TestInstance.of("P1", "HOSP-A", "Doe^Jane");
    fixture.ingest(instance.bytes());

    fixture.reopen();

    assertThat(fixture.retrieve(instance.sopInstanceUid())).isEqualTo(instance.bytes());
    assertThat(new String(fixture.retrieve(instance.sopInstanceUid()), StandardCharsets.ISO_8859_1)).contains("DICM");
  }
}
