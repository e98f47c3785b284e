package org.custos.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyHierarchyTest {
  private static final byte[] AD = "studies/row-1/patient_name".getBytes(UTF_8);
  private final RootKeyProvider root = new InMemoryRootKeyProvider(new InMemoryRootKeyProvider.Store());
  private final KeyHierarchy hierarchy = new KeyHierarchy(root);

  @Test
  void createdPatientKey_hasARandomIdWithoutMeaning() {
    String a = hierarchy.createPatientKey().key().id();
    String b = hierarchy.createPatientKey().key().id();
    assertThat(a).matches("pk-[a-z2-7]{26}");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void openedPatientKey_opensWhatTheCreatedOneSealed() {
    NewPatientKey created = hierarchy.createPatientKey();
    byte[] sealed = created.key().seal("DOE^JANE".getBytes(UTF_8), AD);
    PatientKey opened = hierarchy.openPatientKey(created.key().id(), created.wrapped());
    assertThat(opened.id()).isEqualTo(created.key().id());
    assertThat(opened.open(sealed, AD)).isEqualTo("DOE^JANE".getBytes(UTF_8));
  }

  @Test
  void sealedField_withOtherAssociatedData_failsIntegrityWithoutTheValue() {
    PatientKey key = hierarchy.createPatientKey().key();
    byte[] sealed = key.seal("DOE^JANE".getBytes(UTF_8), AD);
    assertThatThrownBy(() -> key.open(sealed, "studies/row-2/patient_name".getBytes(UTF_8)))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining(key.id())
        .hasMessageNotContaining("DOE");
  }

  @Test
  void wrappedKey_storedOnAnotherPatientsRow_doesNotOpen() {
    NewPatientKey a = hierarchy.createPatientKey();
    NewPatientKey b = hierarchy.createPatientKey();
    assertThatThrownBy(() -> hierarchy.openPatientKey(b.key().id(), a.wrapped()))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining(b.key().id());
  }

  @Test
  void rewrap_movesToTheCurrentRootVersionAndKeepsTheKey() {
    NewPatientKey created = hierarchy.createPatientKey();
    KeyVersion old = root.current();
    KeyVersion current = root.rotate();
    WrappedKey rewrapped = hierarchy.rewrap(created.key().id(), created.wrapped());
    assertThat(created.wrapped().wrappedBy()).isEqualTo(old);
    assertThat(rewrapped.wrappedBy()).isEqualTo(current);
    root.retire(old);
    byte[] sealed = created.key().seal(new byte[] {1, 2, 3}, AD);
    assertThat(hierarchy.openPatientKey(created.key().id(), rewrapped).open(sealed, AD)).containsExactly(1, 2, 3);
  }

  @Test
  void openPatientKey_underARetiredRoot_failsKeyNotFound() {
    NewPatientKey created = hierarchy.createPatientKey();
    KeyVersion old = root.current();
    root.rotate();
    root.retire(old);
    assertThatThrownBy(() -> hierarchy.openPatientKey(created.key().id(), created.wrapped()))
        .isInstanceOf(KeyNotFoundException.class);
  }

  @Test
  void serviceKeys_roundTripAndRewrapKeepTheBlindIndex() {
    WrappedKey wrapped = hierarchy.createServiceKeys();
    byte[] token = hierarchy.openServiceKeys(wrapped).blindIndex().token(BlindIndexDomain.PATIENT_ID, "12345");
    root.rotate();
    WrappedKey rewrapped = hierarchy.rewrapServiceKeys(wrapped);
    assertThat(rewrapped.wrappedBy()).isEqualTo(root.current());
    assertThat(hierarchy.openServiceKeys(rewrapped).blindIndex().token(BlindIndexDomain.PATIENT_ID, "12345"))
        .isEqualTo(token);
  }

  @Test
  void serviceKeys_andPatientKeys_cannotBeSwapped() {
    WrappedKey service = hierarchy.createServiceKeys();
    NewPatientKey patient = hierarchy.createPatientKey();
    assertThatThrownBy(() -> hierarchy.openPatientKey(patient.key().id(), service)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> hierarchy.openServiceKeys(patient.wrapped())).isInstanceOf(IntegrityException.class);
  }

  @Test
  void keyHolders_doNotPrintMaterial() {
    NewPatientKey created = hierarchy.createPatientKey();
    ServiceKeys service = hierarchy.openServiceKeys(hierarchy.createServiceKeys());
    assertThat(created.key().toString()).isEqualTo("PatientKey[redacted]");
    assertThat(service.toString()).isEqualTo("ServiceKeys[redacted]");
    assertThat(service.blindIndex().toString()).isEqualTo("BlindIndex[redacted]");
    assertThat(created.wrapped().toString()).doesNotContain("[B@");
  }

  @Test
  void malformedPatientKeyId_isRejected() {
    NewPatientKey created = hierarchy.createPatientKey();
    assertThatThrownBy(() -> hierarchy.openPatientKey("DOE JANE", created.wrapped()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("DOE");
  }
}
