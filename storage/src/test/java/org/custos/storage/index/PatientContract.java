package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.storage.index.SampleRows.ROOT_V1;
import static org.custos.storage.index.SampleRows.ROOT_V2;
import static org.custos.storage.index.SampleRows.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.ArchiveEvent.Kind;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.PatientRow;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.KeyVersion;
import org.junit.jupiter.api.Test;

/** Contract, part one: settings, patients, key-rotation queries, blind tokens, events. */
interface PatientContract extends IndexFixture {
  // Settings

  @Test
  default void setting_isAbsentUntilPut_thenOverwritten() {
    assertThat(index().read((IndexSession s) -> s.setting("salt"))).isEmpty();
    update(
        s -> {
          s.putSetting("salt", new byte[] {1, 2});
        });
    update(
        s -> {
          s.putSetting("salt", new byte[] {3});
        });
    assertThat(index().read((IndexSession s) -> s.setting("salt")))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(3));
  }

  @Test
  default void setting_emptyValue_readsBackEmpty() {
    update(s -> s.putSetting("empty", new byte[0]));
    assertThat(index().read((IndexSession s) -> s.setting("empty")))
        .hasValueSatisfying(v -> assertThat(v).isEmpty());
  }

  // Patients

  @Test
  default void insertedPatient_isFoundByIdentityAndById_withEveryField() {
    PatientRow p = SampleRows.patient();
    update(s -> s.insertPatient(p));
    assertRow(index().read(s -> s.patientByIdentity(p.identityToken())), p);
    assertRow(index().read(s -> s.patient(p.patientId())), p);
    assertThat(index().read((IndexSession s) -> s.patientByIdentity(SampleRows.token()))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.patient("pat-none"))).isEmpty();
  }

  @Test
  default void patientWithoutKeyOrPhi_roundTripsEmptyOptionals() {
    PatientRow p =
        new PatientRow(
            SampleRows.id("pat"),
            SampleRows.token(),
            Optional.empty(),
            Optional.empty(),
            true,
            SampleRows.T0,
            Optional.empty());
    update(s -> s.insertPatient(p));
    assertRow(index().read(s -> s.patient(p.patientId())), p);
  }

  @Test
  default void sameIdentityToken_twice_isRefused() {
    PatientRow p = SampleRows.patient();
    PatientRow twin =
        new PatientRow(
            SampleRows.id("pat"),
            p.identityToken(),
            p.wrappedKey(),
            p.phiSealed(),
            false,
            SampleRows.T0,
            Optional.empty());
    update(s -> s.insertPatient(p));
    assertThatThrownBy(() -> update(s -> s.insertPatient(twin)))
        .isInstanceOf(StorageException.class);
  }

  @Test
  default void updatePatientKeyAndPhi_replaceThem() {
    PatientRow p = SampleRows.patient();
    var rewrapped = SampleRows.key(ROOT_V2);
    byte[] phi = SampleRows.bytes(50);
    update(
        s -> {
          s.insertPatient(p);
          s.updatePatientKey(p.patientId(), rewrapped);
          s.updatePatientPhi(p.patientId(), phi);
          s.markIdentityConflict(p.patientId());
        });
    PatientRow read = index().read((IndexSession s) -> s.patient(p.patientId())).orElseThrow();
    assertThat(read.wrappedKey()).contains(rewrapped);
    assertThat(read.phiSealed()).hasValueSatisfying(v -> assertThat(v).isEqualTo(phi));
    assertThat(read.identityConflict()).isTrue();
  }

  @Test
  default void updatesOfUnknownRows_failNotFound() {
    assertThatThrownBy(() -> update(s -> s.updatePatientKey("pat-x", SampleRows.key(ROOT_V1))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> update(s -> s.updatePatientPhi("pat-x", new byte[1])))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> update(s -> s.markIdentityConflict("pat-x")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> update(s -> s.updateStudyAttributes("stu-x", new byte[1])))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> update(s -> s.supersede("ins-x")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> update(s -> s.shredPatient("pat-x", SampleRows.T0)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  default void patients_arePagedInCreationOrder() {
    List<PatientRow> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(SampleRows.patient());
    }
    update(s -> created.forEach(s::insertPatient));
    List<String> ids = created.stream().map(PatientRow::patientId).toList();
    assertThat(index().read((IndexSession s) -> s.patients(0, 3)))
        .extracting(PatientRow::patientId)
        .isEqualTo(ids.subList(0, 3));
    assertThat(index().read((IndexSession s) -> s.patients(3, 10)))
        .extracting(PatientRow::patientId)
        .isEqualTo(ids.subList(3, 5));
    assertThat(index().read((IndexSession s) -> s.patients(5, 10))).isEmpty();
    assertThatThrownBy(() -> index().read((IndexSession s) -> s.patients(-1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void rotationQueries_countAndListByWrappingVersion() {
    PatientRow a = SampleRows.patient(ROOT_V1);
    PatientRow b = SampleRows.patient(ROOT_V1);
    PatientRow c = SampleRows.patient(ROOT_V2);
    PatientRow other = SampleRows.patient(new KeyVersion("hsm", 1));
    update(s -> List.of(a, b, c, other).forEach(s::insertPatient));
    assertThat(index().read((IndexSession s) -> s.countPatientsWrappedBy(ROOT_V1))).isEqualTo(2);
    assertThat(index().read((IndexSession s) -> s.countPatientsWrappedBy(ROOT_V2))).isEqualTo(1);
    assertThat(index().read((IndexSession s) -> s.patientsNotWrappedBy(ROOT_V2, 10)))
        .extracting(PatientRow::patientId)
        .containsExactly(a.patientId(), b.patientId(), other.patientId());
    assertThat(index().read((IndexSession s) -> s.patientsNotWrappedBy(ROOT_V2, 1))).hasSize(1);
    update(s -> s.updatePatientKey(a.patientId(), SampleRows.key(ROOT_V2)));
    assertThat(index().read((IndexSession s) -> s.countPatientsWrappedBy(ROOT_V2))).isEqualTo(2);
  }

  // Blind tokens

  @Test
  default void tokens_findTheirOwnersInCreationOrder_perDomain_addingTwiceIsANoOp() {
    byte[] token = SampleRows.token();
    update(
        s -> {
          s.addToken("stu-2", BlindIndexDomain.ACCESSION_NUMBER, token);
          s.addToken("stu-1", BlindIndexDomain.ACCESSION_NUMBER, token);
          s.addToken("stu-2", BlindIndexDomain.ACCESSION_NUMBER, token.clone());
          s.addToken("pat-1", BlindIndexDomain.PATIENT_ID, token);
        });
    assertThat(
            index().read((IndexSession s) -> s.ownersOf(BlindIndexDomain.ACCESSION_NUMBER, token)))
        .containsExactly("stu-2", "stu-1");
    assertThat(index().read((IndexSession s) -> s.ownersOf(BlindIndexDomain.PATIENT_ID, token)))
        .containsExactly("pat-1");
    assertThat(index().read((IndexSession s) -> s.ownersOf(BlindIndexDomain.STUDY_ID, token)))
        .isEmpty();
    assertThat(
            index()
                .read(
                    (IndexSession s) ->
                        s.ownersOf(BlindIndexDomain.PATIENT_ID, SampleRows.token())))
        .isEmpty();
  }

  // Events

  @Test
  default void events_getIncreasingSequences_andAreListedRecentFirstCutOldestFirstOrdered() {
    List<Long> sequences =
        index()
            .write(
                s ->
                    List.of(
                        s.recordEvent(ArchiveEvent.of(at(1), Kind.INSTANCE_STORED, "ins-1", "v1")),
                        s.recordEvent(
                            ArchiveEvent.of(at(2), Kind.VERSION_CONFLICT, "ins-1", "v2 differs")),
                        s.recordEvent(ArchiveEvent.of(at(3), Kind.INSTANCE_STORED, "ins-2", "v1")),
                        s.recordEvent(ArchiveEvent.of(at(4), Kind.PATIENT_SHREDDED, "pat-9", ""))));
    assertThat(sequences).isSorted().doesNotHaveDuplicates();

    List<ArchiveEvent> lastTwo = index().read((IndexSession s) -> s.events(Optional.empty(), 2));
    assertThat(lastTwo)
        .extracting(ArchiveEvent::sequence)
        .containsExactly(sequences.get(2), sequences.get(3));
    assertThat(lastTwo.get(1))
        .isEqualTo(new ArchiveEvent(sequences.get(3), at(4), Kind.PATIENT_SHREDDED, "pat-9", ""));
    assertThat(index().read((IndexSession s) -> s.events(Optional.of(Kind.INSTANCE_STORED), 10)))
        .extracting(ArchiveEvent::subjectId)
        .containsExactly("ins-1", "ins-2");
    assertThat(index().read((IndexSession s) -> s.eventsOf("ins-1")))
        .extracting(ArchiveEvent::kind)
        .containsExactly(Kind.INSTANCE_STORED, Kind.VERSION_CONFLICT);
    assertThat(index().read((IndexSession s) -> s.eventsOf("nobody"))).isEmpty();
  }
}
