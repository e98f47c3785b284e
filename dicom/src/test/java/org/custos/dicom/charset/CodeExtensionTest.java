package org.custos.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.dicom.Vr;
import org.junit.jupiter.api.Test;

/** ISO 2022 code extension details of PS3.5 6.1.2.5, in both directions. */
class CodeExtensionTest {
  private static final SpecificCharacterSet JAPANESE = SpecificCharacterSet.of(List.of("", "ISO 2022 IR 87"));
  private static final SpecificCharacterSet KOREAN = SpecificCharacterSet.of(List.of("", "ISO 2022 IR 149"));

  private static String decode(SpecificCharacterSet cs, String hex, Vr vr) {
    byte[] bytes = Hex.bytes(hex);
    return cs.decode(bytes, 0, bytes.length, vr);
  }

  @Test
  void delimiterBytesInsideATwoByteG0Run_arePartOfCharacters() {
    // 24 5e is ま: 05/14 is half of a JIS X 0208 character here, not a PN delimiter.
    assertThat(decode(JAPANESE, "1b 24 42 24 5e 1b 28 42", Vr.PN)).isEqualTo("ま");
    // 5c 5c, 5c 5e: 05/12 as either half is not a value delimiter either.
    byte[] bytes = Hex.bytes("1b 24 42 5c 5c 5c 5e 1b 28 42");
    assertThat(JAPANESE.decode(bytes, 0, bytes.length, Vr.LO)).doesNotContain("\\", "^").hasSize(2);
  }

  @Test
  void g1_returnsToValue1sSetAtPnDelimiters_butNotInOtherVrs() {
    // PS3.5 6.1.2.5.3; value 1 has no G1 set, so high bytes after '^' fall back to ISO-8859-1.
    assertThat(decode(KOREAN, "1b 24 29 43 c8 ab 5e b1 e6", Vr.PN)).isEqualTo("홍^±æ");
    assertThat(decode(KOREAN, "1b 24 29 43 c8 ab 5e b1 e6", Vr.LO)).isEqualTo("홍^길");
    assertThat(decode(KOREAN, "1b 24 29 43 c8 ab 5c b1 e6", Vr.LO)).isEqualTo("홍\\±æ");
    assertThat(decode(KOREAN, "1b 24 29 43 c8 ab 5c b1 e6", Vr.LT)).isEqualTo("홍\\길");
  }

  @Test
  void controlCharacters_returnToValue1sSets_inEveryVr() {
    assertThat(decode(KOREAN, "1b 24 29 43 c8 ab 0d 0a b1 e6", Vr.LT)).isEqualTo("홍\r\n±æ");
    assertThat(decode(JAPANESE, "1b 24 42 3b 33 09 3b 33", Vr.LT)).isEqualTo("山\t;3");
  }

  @Test
  void unknownOrTruncatedEscapeSequence_readsAsOneReplacementCharacter_andTheRestAsText() {
    assertThat(decode(KOREAN, "61 1b 24 29 58 62", Vr.LO)).isEqualTo("a\uFFFD$)Xb");
    assertThat(decode(KOREAN, "61 1b 24", Vr.LO)).isEqualTo("a\uFFFD$");
    assertThat(decode(KOREAN, "1b", Vr.LO)).isEqualTo("\uFFFD");
  }

  @Test
  void truncatedTwoByteCharacter_readsAsReplacementCharacter() {
    assertThat(decode(JAPANESE, "1b 24 42 3b 33 45", Vr.PN)).isEqualTo("山\uFFFD");
    assertThat(decode(KOREAN, "1b 24 29 43 c8 ab b1", Vr.PN)).isEqualTo("홍\uFFFD");
  }

  @Test
  void spaceInsideATwoByteG0Run_isASpace() {
    assertThat(decode(JAPANESE, "1b 24 42 3b 33 20 45 44 1b 28 42", Vr.PN)).isEqualTo("山 田");
  }

  @Test
  void escapeSequencesOfSetsNotDeclared_areHonoured() {
    assertThat(decode(SpecificCharacterSet.of(List.of("ISO 2022 IR 6")),
        "41 1b 2d 46 c4 e9 1b 24 29 43 c8 ab", Vr.LO)).isEqualTo("AΔι홍");
  }

  @Test
  void withoutCodeExtension_escIsAnOrdinaryControlCharacter() {
    assertThat(decode(SpecificCharacterSet.of(List.of("ISO_IR 100")), "1b 24 42 e9", Vr.LO))
        .isEqualTo("\u001b$Bé");
  }

  @Test
  void multiByteTermAsValue1_startsInAsciiWithItsG1SetDesignated() {
    // Real-world files label raw EUC-KR as a single ISO 2022 IR 149.
    assertThat(decode(SpecificCharacterSet.of(List.of("ISO 2022 IR 149")), "48 6f 6e 67 5e c8 ab", Vr.PN))
        .isEqualTo("Hong^홍");
    assertThat(decode(SpecificCharacterSet.of(List.of("ISO 2022 IR 87")),
        "59 61 6d 61 64 61 3d 1b 24 42 3b 33 45 44 1b 28 42", Vr.PN)).isEqualTo("Yamada=山田");
  }

  @Test
  void tableC12_2TermInAMultiValuedSet_countsAsItsIso2022Form() {
    byte[] h32 = Hex.bytes("d4 cf c0 de 5e 1b 24 42 3b 33 45 44 1b 28 4a");
    SpecificCharacterSet cs = SpecificCharacterSet.of(List.of("ISO_IR 13", "ISO 2022 IR 87"));

    assertThat(cs.decode(h32, 0, h32.length, Vr.PN)).isEqualTo("ﾔﾏﾀﾞ^山田");
    assertThat(cs.encode("ﾔﾏﾀﾞ^山田", Vr.PN)).isEqualTo(h32);
  }

  @Test
  void unicodeTermInAMultiValuedSet_takesOverTheWholeValue() {
    SpecificCharacterSet cs = SpecificCharacterSet.of(List.of("ISO_IR 100", "ISO_IR 192"));

    assertThat(decode(cs, "c3 a9", Vr.LO)).isEqualTo("é");
  }

  @Test
  void encoder_returnsToAsciiForSpacesAndAtTheEnd() {
    assertThat(Hex.of(JAPANESE.encode("山 田", Vr.LO)))
        .isEqualTo("1b 24 42 3b 33 1b 28 42 20 1b 24 42 45 44 1b 28 42");
  }

  @Test
  void encoder_keepsG1AcrossNonDelimiters_andDesignatesAgainAfterDelimiters() {
    assertThat(Hex.of(KOREAN.encode("홍 길", Vr.LO))).isEqualTo("1b 24 29 43 c8 ab 20 b1 e6");
    assertThat(Hex.of(KOREAN.encode("홍\\길", Vr.LO)))
        .isEqualTo("1b 24 29 43 c8 ab 5c 1b 24 29 43 b1 e6");
    assertThat(Hex.of(KOREAN.encode("홍\\길", Vr.LT))).isEqualTo("1b 24 29 43 c8 ab 5c b1 e6");
  }

  @Test
  void encoder_restoresValue1sG1SetBeforeADelimiter() {
    SpecificCharacterSet cs = SpecificCharacterSet.of(List.of("ISO 2022 IR 100", "ISO 2022 IR 126"));

    // é in Latin-1 (initial G1), Δ needs ESC - F, and Latin-1 returns before '^' (ESC - A).
    assertThat(Hex.of(cs.encode("éΔ^é", Vr.PN))).isEqualTo("e9 1b 2d 46 c4 1b 2d 41 5e e9");
    byte[] bytes = cs.encode("éΔ^é", Vr.PN);
    assertThat(cs.decode(bytes, 0, bytes.length, Vr.PN)).isEqualTo("éΔ^é");
  }

  @Test
  void encoder_usesSupplementaryKanjiWhenJisX0208LacksACharacter() {
    SpecificCharacterSet cs = SpecificCharacterSet.of(List.of("", "ISO 2022 IR 87", "ISO 2022 IR 159"));

    // 驎 is in JIS X 0212 only (row 73, cell 49: 69 51).
    assertThat(Hex.of(cs.encode("山驎", Vr.LO))).isEqualTo("1b 24 42 3b 33 1b 24 28 44 69 51 1b 28 42");
  }
}
