package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.custos.archive.ArchiveException;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.NotFoundException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.lifecycle.RootKeyRotation;
import org.custos.archive.verify.VerifyProblem;
import org.custos.archive.verify.VerifyReport;
import org.custos.crypto.BlobCipher;
import org.custos.crypto.BlobContext;
import org.custos.crypto.CryptoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3: crypto-shredding, root-key rotation, tamper detection, deletion and startup recovery. */
class LifecycleTest {
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

  private Path blobFile(InstanceRow row) throws Exception {
    try (Stream<Path> walk = Files.walk(fixture.blobDir())) {
      return walk.filter(p -> p.getFileName().toString().equals(row.blobId().value())).findFirst().orElseThrow();
    }
  }

  @Test
  void shreddingAPatient_makesTheirBlobsUndecryptable_andRemovesTheirPhi() throws Exception {
    TestInstance jane = TestInstance.of("SHRED-ME-1", "HOSP-A", "Shredded^Jane");
    TestInstance other = TestInstance.of("KEEP-ME-2", "HOSP-A", "Kept^Karl");
    IngestReceipt receipt = fixture.ingest(jane.bytes());
    fixture.ingest(other.bytes());
    InstanceRow row = fixture.archive.versions(jane.sopInstanceUid()).get(0);
    byte[] blob = Files.readAllBytes(blobFile(row));

    fixture.archive.shred(receipt.patientId());
    fixture.reopen();

    assertThatThrownBy(() -> fixture.retrieve(jane.sopInstanceUid())).isInstanceOfAny(ArchiveException.class,
        CryptoException.class);
    BlobContext context = new BlobContext(fixture.archive.archiveId(), jane.sopInstanceUid(), 1);
    assertThatThrownBy(() -> new BlobCipher().decrypt(new java.io.ByteArrayInputStream(blob), fixture.archive.context().keys(),
        context).readAllBytes()).isInstanceOfAny(ArchiveException.class, CryptoException.class);
    assertThat(fixture.archive.patientByIdentity("SHRED-ME-1", "HOSP-A")).isEmpty();
    assertThat(fixture.archive.patients(0, 10)).filteredOn(p -> p.patientId().equals(receipt.patientId()))
        .singleElement().satisfies(p -> {
          assertThat(p.wrappedKey()).isEmpty();
          assertThat(p.phiSealed()).isEmpty();
          assertThat(p.shredded()).isPresent();
        });
    assertThat(fixture.archive.events(Optional.of(ArchiveEvent.Kind.PATIENT_SHREDDED), 10)).singleElement()
        .satisfies(e -> assertThat(e.subjectId()).isEqualTo(receipt.patientId()));
    assertThat(fixture.retrieve(other.sopInstanceUid())).isEqualTo(other.bytes());
    VerifyReport report = fixture.archive.verify(b -> { });
    assertThat(report.problems()).isEmpty();
    assertThat(report.shreddedSkipped()).isEqualTo(1);
  }

  @Test
  void anInstanceFiledUnderAnotherPatientsStudy_isShreddedWithItsOwnPatient() throws Exception {
    TestInstance a = TestInstance.of("A-1", "HOSP-A", "Alpha^Ann");
    TestInstance b = TestInstance.of("B-2", "HOSP-A", "Beta^Ben").with(org.custos.dicom.dictionary.Tags.StudyInstanceUID,
        org.custos.dicom.Vr.UI, a.studyInstanceUid());
    fixture.ingest(a.bytes());
    IngestReceipt conflicting = fixture.ingest(b.bytes());
    assertThat(conflicting.identityConflict()).isTrue();

    fixture.archive.shred(conflicting.patientId());

    assertThat(fixture.archive.versions(b.sopInstanceUid())).isEmpty();
    InstanceRow left = fixture.archive.context().index().read(s -> s.instance(conflicting.instanceId())).orElseThrow();
    assertThat(left.metadataSealed()).isEmpty();
    assertThat(fixture.retrieve(a.sopInstanceUid())).isEqualTo(a.bytes());
  }

  @Test
  void rotatingTheRootKey_rewrapsEveryPatientKey_retiresTheOldRoot_andRewritesNoBlob() throws Exception {
    List<TestInstance> instances = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      TestInstance instance = TestInstance.of("ROT-" + i, "HOSP-A", "Rotated^Patient" + i);
      fixture.ingest(instance.bytes());
      instances.add(instance);
    }
    var blobTimes = blobModificationTimes();
    var before = fixture.root.current();

    RootKeyRotation.Result result = fixture.archive.rotateRootKey(done -> { });
    fixture.reopen();

    assertThat(result.patientKeysRewrapped()).isEqualTo(30);
    assertThat(result.retired()).containsExactly(before);
    assertThat(fixture.root.versions()).containsExactly(result.newVersion());
    for (TestInstance instance : instances) {
      assertThat(fixture.retrieve(instance.sopInstanceUid())).isEqualTo(instance.bytes());
    }
    assertThat(blobModificationTimes()).isEqualTo(blobTimes);
    assertThat(fixture.archive.events(Optional.of(ArchiveEvent.Kind.ROOT_KEY_ROTATED), 10)).hasSize(1);
  }

  private java.util.Map<Path, java.nio.file.attribute.FileTime> blobModificationTimes() throws Exception {
    java.util.Map<Path, java.nio.file.attribute.FileTime> times = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(fixture.blobDir())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        times.put(p, Files.getLastModifiedTime(p));
      }
    }
    return times;
  }

  @Test
  void anEditedBlob_failsClosedOnRead_isReportedByVerify_andRaisesAnAlarm() throws Exception {
    TestInstance instance = TestInstance.of("P1", "HOSP-A", "Doe^Jane");
    fixture.ingest(instance.bytes());
    InstanceRow row = fixture.archive.versions(instance.sopInstanceUid()).get(0);
    Path file = blobFile(row);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);

    assertThatThrownBy(() -> fixture.retrieve(instance.sopInstanceUid()))
        .isInstanceOf(IntegrityFailureException.class).hasMessageContaining(row.instanceId());
    VerifyReport report = fixture.archive.verify(b -> { });
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(VerifyProblem.Kind.SEAL_MISMATCH);
      assertThat(p.instanceId()).isEqualTo(row.instanceId());
    });
    assertThat(fixture.archive.events(Optional.of(ArchiveEvent.Kind.INTEGRITY_FAILURE), 10)).isNotEmpty();
  }

  @Test
  void twoSwappedBlobs_bothFailToDecrypt() throws Exception {
    TestInstance a = TestInstance.of("P1", "HOSP-A", "Doe^Jane");
    TestInstance b = a.sameStudyNewInstance();
    fixture.ingest(a.bytes());
    fixture.ingest(b.bytes());
    Path fileA = blobFile(fixture.archive.versions(a.sopInstanceUid()).get(0));
    Path fileB = blobFile(fixture.archive.versions(b.sopInstanceUid()).get(0));
    Path spare = dir.resolve("spare");
    Files.move(fileA, spare);
    Files.move(fileB, fileA);
    Files.move(spare, fileB, StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> fixture.retrieve(a.sopInstanceUid())).isInstanceOf(IntegrityFailureException.class);
    assertThatThrownBy(() -> fixture.retrieve(b.sopInstanceUid())).isInstanceOf(IntegrityFailureException.class);
    assertThat(fixture.archive.verify(x -> { }).problems()).hasSize(2);
  }

  @Test
  void aMissingBlob_isReported() throws Exception {
    TestInstance instance = TestInstance.of("P1", "HOSP-A", "Doe^Jane");
    fixture.ingest(instance.bytes());
    Files.delete(blobFile(fixture.archive.versions(instance.sopInstanceUid()).get(0)));

    assertThat(fixture.archive.verify(b -> { }).problems()).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(VerifyProblem.Kind.MISSING_BLOB));
  }

  @Test
  void deletingAnInstance_removesEveryVersionAndItsBlobs() throws Exception {
    TestInstance instance = TestInstance.of("P1", "HOSP-A", "Doe^Jane");
    fixture.ingest(instance.bytes());
    fixture.ingest(instance.with(org.custos.dicom.dictionary.Tags.StudyDescription, org.custos.dicom.Vr.LO, "v2").bytes());

    assertThat(fixture.archive.delete(instance.sopInstanceUid())).isEqualTo(2);

    assertThatThrownBy(() -> fixture.retrieve(instance.sopInstanceUid())).isInstanceOf(NotFoundException.class);
    assertThat(CorpusArchiveTest.countFiles(fixture.blobDir())).isZero();
    assertThat(fixture.archive.verify(b -> { }).problems()).isEmpty();
  }

  @Test
  void recovery_removesOrphanBlobsThatNoRowNames() throws Exception {
    TestInstance instance = TestInstance.of("P1", "HOSP-A", "Doe^Jane");
    fixture.ingest(instance.bytes());
    BlobId orphan = BlobId.random();
    try (var writer = fixture.archive.context().blobs().create(orphan)) {
      writer.stream().write(new byte[] {1, 2, 3});
      writer.commit();
    }
    assertThat(fixture.archive.verify(b -> { }).problems()).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(VerifyProblem.Kind.ORPHAN_BLOB));

    var result = fixture.archive.recover(java.time.Duration.ZERO);

    assertThat(result.orphanBlobs()).isEqualTo(1);
    assertThat(fixture.archive.context().blobs().exists(orphan)).isFalse();
    assertThat(fixture.retrieve(instance.sopInstanceUid())).isEqualTo(instance.bytes());
    assertThat(fixture.archive.verify(b -> { }).problems()).isEmpty();
  }

}
