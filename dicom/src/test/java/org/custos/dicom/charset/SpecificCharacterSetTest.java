package org.custos.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.custos.dicom.DicomException;
import org.custos.dicom.Vr;
import org.junit.jupiter.api.Test;

class SpecificCharacterSetTest {

  @Test
  void emptyOrBlankTerms_areTheDefaultRepertoire() {
    assertThat(SpecificCharacterSet.of(List.of())).isSameAs(SpecificCharacterSet.DEFAULT);
    assertThat(SpecificCharacterSet.of(List.of(""))).isSameAs(SpecificCharacterSet.DEFAULT);
    assertThat(SpecificCharacterSet.of(List.of("  ", ""))).isSameAs(SpecificCharacterSet.DEFAULT);
    assertThat(SpecificCharacterSet.DEFAULT.definedTerms()).isEmpty();
    assertThat(SpecificCharacterSet.DEFAULT.isDefault()).isTrue();
    assertThat(SpecificCharacterSet.of(List.of("ISO_IR 6")).isDefault()).isTrue();
    assertThat(SpecificCharacterSet.of(List.of("ISO_IR 100")).isDefault()).isFalse();
  }

  @Test
  void surroundingSpacesAndNulPadding_areIgnored() {
    SpecificCharacterSet cs = SpecificCharacterSet.of(List.of(" ", "ISO 2022 IR 87 ", "\0"));

    assertThat(cs.definedTerms()).containsExactly("", "ISO 2022 IR 87", "");
    assertThat(cs).isEqualTo(SpecificCharacterSet.of(List.of("", "ISO 2022 IR 87", "")));
    assertThat(cs).hasSameHashCodeAs(SpecificCharacterSet.of(List.of("", "ISO 2022 IR 87", "")));
    assertThat(cs).hasToString("SpecificCharacterSet[\\ISO 2022 IR 87\\]");
  }

  @Test
  void unknownTerm_failsNamingTheTerm() {
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("ISO_IR 100", " ISO_IR_999 ")))
        .isInstanceOf(UnknownCharacterSetException.class)
        .isInstanceOf(DicomException.class)
        .hasMessageContaining("'ISO_IR_999'")
        .satisfies(e -> assertThat(((UnknownCharacterSetException) e).term()).isEqualTo("ISO_IR_999"));
  }

  @Test
  void termsAreCaseSensitive() {
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("iso_ir 100")))
        .isInstanceOf(UnknownCharacterSetException.class);
  }

  @Test
  void everyDefinedTerm_isAccepted_aloneAndAsAnExtension() {
    for (DefinedTerm term : DefinedTerm.values()) {
      assertThat(SpecificCharacterSet.of(List.of(term.term())).definedTerms())
          .containsExactly(term.term());
      assertThat(SpecificCharacterSet.of(List.of("", term.term())).definedTerms())
          .containsExactly("", term.term());
    }
  }

  @Test
  void vrsTheCharacterSetDoesNotAffect_areReadAndWrittenAsLatin1() {
    SpecificCharacterSet utf8 = SpecificCharacterSet.of(List.of("ISO_IR 192"));
    byte[] bytes = {(byte) 0xc3, (byte) 0xa9, 0x1b, 0x24, 0x42};

    assertThat(utf8.decode(bytes, 0, bytes.length, Vr.CS)).isEqualTo("Ã©\u001b$B");
    assertThat(utf8.encode("Ã©\u001b$B", Vr.CS)).isEqualTo(bytes);
    assertThat(utf8.encode("1.2.840.10008", Vr.UI))
        .isEqualTo("1.2.840.10008".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void defaultRepertoire_readsHighBytesAsLatin1_butDoesNotWriteThem() {
    byte[] bytes = {'J', (byte) 0xe9, 'r', (byte) 0xf4, 'm', 'e'};

    assertThat(SpecificCharacterSet.DEFAULT.decode(bytes, 0, bytes.length, Vr.PN))
        .isEqualTo("Jérôme");
    assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.encode("Jérôme", Vr.PN))
        .isInstanceOf(UnencodableTextException.class)
        .hasMessageNotContaining("é")
        .satisfies(e -> assertThat(((UnencodableTextException) e).index()).isEqualTo(1));
  }

  @Test
  void decode_readsOnlyTheGivenRange() {
    byte[] bytes = "xxBuc^J\u00e9r\u00f4mexx".getBytes(StandardCharsets.ISO_8859_1);
    SpecificCharacterSet latin1 = SpecificCharacterSet.of(List.of("ISO_IR 100"));

    assertThat(latin1.decode(bytes, 2, bytes.length - 4, Vr.PN)).isEqualTo("Buc^Jérôme");
    assertThatThrownBy(() -> latin1.decode(bytes, 10, bytes.length, Vr.PN))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void unencodableCharacter_failsWithItsIndex_forEveryKindOfSet() {
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("ISO_IR 100")).encode("ab字", Vr.LO))
        .isInstanceOf(UnencodableTextException.class)
        .hasMessageContaining("ISO_IR 100")
        .satisfies(e -> assertThat(((UnencodableTextException) e).index()).isEqualTo(2));
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("", "ISO 2022 IR 87")).encode("山\uD800", Vr.PN))
        .isInstanceOf(UnencodableTextException.class)
        .satisfies(e -> assertThat(((UnencodableTextException) e).index()).isEqualTo(1));
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("ISO_IR 192")).encode("a\uDC00b", Vr.LT))
        .isInstanceOf(UnencodableTextException.class)
        .satisfies(e -> assertThat(((UnencodableTextException) e).index()).isEqualTo(1));
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("GBK")).encode("王😀", Vr.LT))
        .isInstanceOf(UnencodableTextException.class)
        .satisfies(e -> assertThat(((UnencodableTextException) e).index()).isEqualTo(1));
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("ISO 2022 IR 6")).encode("a\u001b(B", Vr.LO))
        .as("ESC would be read as an escape sequence")
        .isInstanceOf(UnencodableTextException.class);
    assertThatThrownBy(() -> SpecificCharacterSet.of(List.of("ISO_IR 100")).encode("\u0085", Vr.LO))
        .as("C1 controls are not graphic characters of the G1 set")
        .isInstanceOf(UnencodableTextException.class);
  }

  @Test
  void supplementaryCharacters_roundTripInUnicodeSets() {
    for (String term : List.of("ISO_IR 192", "GB18030")) {
      SpecificCharacterSet cs = SpecificCharacterSet.of(List.of(term));
      byte[] bytes = cs.encode("Doe^😀", Vr.PN);

      assertThat(cs.decode(bytes, 0, bytes.length, Vr.PN)).as(term).isEqualTo("Doe^😀");
    }
  }

  @Test
  void malformedUtf8_readsAsReplacementCharacters() {
    byte[] bytes = {'a', (byte) 0xc3, 'b', (byte) 0xff};

    assertThat(SpecificCharacterSet.of(List.of("ISO_IR 192")).decode(bytes, 0, bytes.length, Vr.LO))
        .isEqualTo("a\uFFFDb\uFFFD");
  }
}
