package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated constant classes agree with the run-time look-ups, constant by constant. */
final class GeneratedConstantsTest {

  private static List<Field> constants(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields())
        .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()))
        .toList();
  }

  @Test
  void tags_holdTheRegistryValues() {
    assertThat(Tags.PatientName).isEqualTo(0x00100010);
    assertThat(Tags.PixelData).isEqualTo(0x7FE00010);
    assertThat(Tags.Item).isEqualTo(0xFFFEE000);
    assertThat(Tags.LengthToEnd).isEqualTo(0x00080001); // retired, unique keyword
  }

  @Test
  void everyTagConstant_resolvesBackToItsKeyword() throws IllegalAccessException {
    List<Field> fields = constants(Tags.class);
    assertThat(fields).hasSizeGreaterThan(5000);
    for (Field field : fields) {
      int tag = field.getInt(null);
      assertThat(DicomDictionary.tagOf(field.getName())).as(field.getName()).hasValue(tag);
      assertThat(DicomDictionary.keywordOf(tag)).as(field.getName()).isEqualTo(field.getName());
    }
  }

  @Test
  void uids_holdTheRegistryValues() {
    assertThat(Uids.ExplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2.1");
    assertThat(Uids.ImplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2");
    assertThat(Uids.JPEGBaseline8Bit).isEqualTo("1.2.840.10008.1.2.4.50");
    assertThat(Uids.CTImageStorage).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
  }

  @Test
  void everyUidConstant_isATransferSyntaxOrSopClassWithThatKeyword() throws IllegalAccessException {
    List<Field> fields = constants(Uids.class);
    assertThat(fields).hasSizeGreaterThan(300);
    for (Field field : fields) {
      UidEntry entry = UidRegistry.lookup((String) field.get(null)).orElseThrow();
      assertThat(entry.keyword()).isEqualTo(field.getName());
      assertThat(entry.type()).isIn(ConstantsSource.UID_TYPES.toArray());
    }
  }

  @Test
  void everyTransferSyntax_hasAConstant() {
    List<String> values = constants(Uids.class).stream().map(f -> {
      try {
        return (String) f.get(null);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }).toList();
    assertThat(values).containsAll(
        UidRegistry.transferSyntaxes().stream().map(UidEntry::uid).toList());
  }
}
