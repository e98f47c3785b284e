package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.storage.index.SampleRows.ROOT_V1;
import static org.custos.storage.index.SampleRows.ROOT_V2;
import static org.custos.storage.index.SampleRows.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.crypto.BlindIndexDomain;
import org.junit.jupiter.api.Test;

/** Contract, part two: studies, series, instance versions, deletion, shredding. */
interface CatalogueContract extends IndexFixture {
  // Studies and series

  @Test
  default void studiesAndSeries_areFoundByUidAndId_andListedUnderTheirParent() {
    Chain c = newChain();
    StudyRow second =
        new StudyRow(
            SampleRows.id("stu"),
            c.patient().patientId(),
            SampleRows.token(),
            SampleRows.bytes(10),
            Optional.empty(),
            at(5));
    SeriesRow series2 = SampleRows.series(c.study().studyId());
    update(
        s -> {
          s.insertStudy(second);
          s.insertSeries(series2);
        });

    assertRow(index().read(s -> s.studyByUid(c.study().uidToken())), c.study());
    assertRow(index().read(s -> s.study(second.studyId())), second);
    assertThat(index().read((IndexSession s) -> s.studyByUid(SampleRows.token()))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.studiesOfPatient(c.patient().patientId())))
        .extracting(StudyRow::studyId)
        .containsExactly(c.study().studyId(), second.studyId());
    assertThat(index().read((IndexSession s) -> s.studies(1, 5)))
        .extracting(StudyRow::studyId)
        .containsExactly(second.studyId());

    assertRow(index().read(s -> s.seriesByUid(c.series().uidToken())), c.series());
    assertRow(index().read(s -> s.series(series2.seriesId())), series2);
    assertThat(index().read((IndexSession s) -> s.seriesByUid(SampleRows.token()))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.seriesOfStudy(c.study().studyId())))
        .extracting(SeriesRow::seriesId)
        .containsExactly(c.series().seriesId(), series2.seriesId());
  }

  @Test
  default void updateStudyAttributes_replacesTheSeal() {
    Chain c = newChain();
    byte[] sealed = SampleRows.bytes(99);
    update(s -> s.updateStudyAttributes(c.study().studyId(), sealed));
    assertThat(
            index()
                .read((IndexSession s) -> s.study(c.study().studyId()))
                .orElseThrow()
                .attributesSealed())
        .isEqualTo(sealed);
  }

  @Test
  default void studyOfUnknownPatient_isRefused() {
    assertThatThrownBy(() -> update(s -> s.insertStudy(SampleRows.study("pat-none"))))
        .isInstanceOf(StorageException.class);
  }

  // Instances and versions

  @Test
  default void versions_areListedInOrder_withOneCurrent() {
    Chain c = newChain();
    byte[] uid = SampleRows.token();
    InstanceRow v1 = instance(c, uid, 1);
    InstanceRow v2 = instance(c, uid, 2);
    update(s -> s.insertInstance(v1));
    update(
        s -> {
          s.supersede(v1.instanceId());
          s.insertInstance(v2);
        });

    List<InstanceRow> versions = index().read((IndexSession s) -> s.instanceVersions(uid));
    assertThat(versions)
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(SampleRows.notCurrent(v1), v2);
    assertRow(index().read(s -> s.instance(v2.instanceId())), v2);
    assertThat(index().read((IndexSession s) -> s.instance("ins-none"))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.instanceVersions(SampleRows.token()))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.instancesOfSeries(c.series().seriesId())))
        .extracting(InstanceRow::instanceId)
        .containsExactly(v2.instanceId());
    assertThat(index().read((IndexSession s) -> s.instancesOfStudy(c.study().studyId())))
        .extracting(InstanceRow::instanceId)
        .containsExactly(v2.instanceId());
  }

  @Test
  default void secondCurrentVersion_withoutSupersede_isRefusedAndRolledBack() {
    Chain c = newChain();
    byte[] uid = SampleRows.token();
    update(s -> s.insertInstance(instance(c, uid, 1)));
    assertThatThrownBy(() -> update(s -> s.insertInstance(instance(c, uid, 2))))
        .isInstanceOf(StorageException.class);
    assertThat(index().read((IndexSession s) -> s.instanceVersions(uid))).hasSize(1);
  }

  @Test
  default void sameVersionTwice_isRefused() {
    Chain c = newChain();
    byte[] uid = SampleRows.token();
    update(s -> s.insertInstance(SampleRows.notCurrent(instance(c, uid, 1))));
    assertThatThrownBy(
            () -> update(s -> s.insertInstance(SampleRows.notCurrent(instance(c, uid, 1)))))
        .isInstanceOf(StorageException.class);
  }

  @Test
  default void deleteInstance_removesEveryVersionAndItsTokens_andReturnsTheBlobIds() {
    Chain c = newChain();
    byte[] uid = SampleRows.token();
    byte[] other = SampleRows.token();
    InstanceRow v1 = SampleRows.notCurrent(instance(c, uid, 1));
    InstanceRow v2 = instance(c, uid, 2);
    InstanceRow kept = instance(c, other, 1);
    update(
        s -> {
          s.insertInstance(v1);
          s.insertInstance(v2);
          s.insertInstance(kept);
          s.addToken(v2.instanceId(), BlindIndexDomain.SOP_INSTANCE_UID, uid);
        });
    assertThat(index().read((IndexSession s) -> s.blobReferenced(v1.blobId()))).isTrue();

    List<BlobId> deleted = index().write((IndexSession s) -> s.deleteInstance(uid));

    assertThat(deleted).containsExactly(v1.blobId(), v2.blobId());
    assertThat(index().read((IndexSession s) -> s.instanceVersions(uid))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.blobReferenced(v1.blobId()))).isFalse();
    assertThat(index().read((IndexSession s) -> s.blobReferenced(kept.blobId()))).isTrue();
    assertThat(index().read((IndexSession s) -> s.ownersOf(BlindIndexDomain.SOP_INSTANCE_UID, uid)))
        .isEmpty();
    assertThat(index().write((IndexSession s) -> s.deleteInstance(uid))).isEmpty();
  }

  @Test
  default void forEachInstance_visitsEveryVersionInStorageOrder_whileOtherQueriesRun() {
    Chain c = newChain();
    List<String> stored = new ArrayList<>();
    update(
        s -> {
          for (int i = 0; i < 7; i++) {
            byte[] uid = SampleRows.token();
            InstanceRow v1 = instance(c, uid, 1);
            s.insertInstance(v1);
            stored.add(v1.instanceId());
            if (i % 3 == 0) {
              s.supersede(v1.instanceId());
              InstanceRow v2 = instance(c, uid, 2);
              s.insertInstance(v2);
              stored.add(v2.instanceId());
            }
          }
        });
    List<String> visited = new ArrayList<>();
    index()
        .read(
            (IndexSession s) -> {
              s.forEachInstance(r -> visited.add(r.instanceId()));
              return null;
            });
    assertThat(visited).isEqualTo(stored);
    // A verifier looks rows up while it walks: other statements run inside the iteration.
    List<Integer> versionsSeen = new ArrayList<>();
    index()
        .read(
            (IndexSession s) -> {
              s.forEachInstance(
                  r -> {
                    assertThat(s.blobReferenced(r.blobId())).isTrue();
                    versionsSeen.add(s.instanceVersions(r.uidToken()).size());
                  });
              return null;
            });
    assertThat(versionsSeen).hasSize(stored.size());
    assertThat(index().read(IndexSession::countInstances)).isEqualTo(stored.size());
    assertThat(index().read((IndexSession s) -> s.blobReferenced(BlobId.random()))).isFalse();
  }

  // Shredding

  @Test
  default void shredPatient_clearsKeyPhiTokensAndSeals_butKeepsTheTombstone() {
    Chain c = newChain();
    Chain bystander = newChain();
    byte[] uid = SampleRows.token();
    InstanceRow inst = instance(c, uid, 1);
    InstanceRow kept = instance(bystander, SampleRows.token(), 1);
    byte[] pid = SampleRows.token();
    update(
        s -> {
          s.insertInstance(inst);
          s.insertInstance(kept);
          s.addToken(c.patient().patientId(), BlindIndexDomain.PATIENT_ID, pid);
          s.addToken(c.study().studyId(), BlindIndexDomain.ACCESSION_NUMBER, pid);
          s.addToken(inst.instanceId(), BlindIndexDomain.SOP_INSTANCE_UID, uid);
          s.addToken(bystander.patient().patientId(), BlindIndexDomain.PATIENT_ID, pid);
        });
    Instant when = at(60);

    update(s -> s.shredPatient(c.patient().patientId(), when));
    update(s -> s.shredPatient(c.patient().patientId(), at(120)));

    PatientRow tomb =
        index().read((IndexSession s) -> s.patient(c.patient().patientId())).orElseThrow();
    assertThat(tomb.shredded()).contains(when);
    assertThat(tomb.wrappedKey()).isEmpty();
    assertThat(tomb.phiSealed()).isEmpty();
    assertThat(tomb.identityToken()).isEmpty();
    assertThat(tomb.created()).isEqualTo(c.patient().created());
    assertThat(index().read((IndexSession s) -> s.patientByIdentity(c.patient().identityToken())))
        .isEmpty();
    assertThat(index().read((IndexSession s) -> s.ownersOf(BlindIndexDomain.PATIENT_ID, pid)))
        .containsExactly(bystander.patient().patientId());
    assertThat(index().read((IndexSession s) -> s.ownersOf(BlindIndexDomain.ACCESSION_NUMBER, pid)))
        .isEmpty();
    assertThat(index().read((IndexSession s) -> s.ownersOf(BlindIndexDomain.SOP_INSTANCE_UID, uid)))
        .isEmpty();
    assertThat(index().read((IndexSession s) -> s.studyByUid(c.study().uidToken()))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.seriesByUid(c.series().uidToken()))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.instanceVersions(uid))).isEmpty();
    StudyRow study = index().read((IndexSession s) -> s.study(c.study().studyId())).orElseThrow();
    assertThat(study.attributesSealed()).isEmpty();
    assertThat(study.uidToken()).isEmpty();
    assertThat(
            index()
                .read((IndexSession s) -> s.series(c.series().seriesId()))
                .orElseThrow()
                .attributesSealed())
        .isEmpty();
    InstanceRow shreddedInstance =
        index().read((IndexSession s) -> s.instance(inst.instanceId())).orElseThrow();
    assertThat(shreddedInstance.metadataSealed()).isEmpty();
    assertThat(shreddedInstance.uidToken()).isEmpty();
    assertThat(index().read((IndexSession s) -> s.countPatientsWrappedBy(ROOT_V1))).isEqualTo(1);
    assertThat(index().read((IndexSession s) -> s.patientsNotWrappedBy(ROOT_V2, 10)))
        .extracting(PatientRow::patientId)
        .containsExactly(bystander.patient().patientId());
    assertThatThrownBy(
            () -> update(s -> s.updatePatientKey(c.patient().patientId(), SampleRows.key(ROOT_V2))))
        .isInstanceOf(NotFoundException.class);
    InstanceRow untouched =
        index().read((IndexSession s) -> s.instance(kept.instanceId())).orElseThrow();
    assertThat(untouched).usingRecursiveComparison().isEqualTo(kept);
    assertRow(index().read(s -> s.patient(bystander.patient().patientId())), bystander.patient());
  }
}
