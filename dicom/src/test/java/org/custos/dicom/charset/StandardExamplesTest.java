package org.custos.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.custos.dicom.Vr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Person Name examples of PS3.5 Annexes H, I, J and K, and single-byte names of the
 * repertoires of PS3.3 Table C.12-2, as exact bytes: decoding gives the text, and encoding the text
 * gives the standard's bytes back.
 */
class StandardExamplesTest {

  record Example(String label, List<String> terms, String hex, String text) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Arguments> examples() {
    return Stream.of(
        // PS3.5 H.3.1: JIS X 0208 in G0, back to ASCII before each delimiter.
        new Example("H.3.1 \\ISO 2022 IR 87", List.of("", "ISO 2022 IR 87"),
            "59 61 6d 61 64 61 5e 54 61 72 6f 75 3d 1b 24 42 3b 33 45 44 1b 28 42 5e 1b 24 42 42 40"
                + " 4f 3a 1b 28 42 3d 1b 24 42 24 64 24 5e 24 40 1b 28 42 5e 1b 24 42 24 3f 24 6d 24"
                + " 26 1b 28 42",
            "Yamada^Tarou=山田^太郎=やまだ^たろう"),
        // PS3.5 H.3.2: JIS X 0201 Katakana in G1 from the start, back to Romaji (ESC ( J).
        new Example("H.3.2 ISO 2022 IR 13\\ISO 2022 IR 87", List.of("ISO 2022 IR 13", "ISO 2022 IR 87"),
            "d4 cf c0 de 5e c0 db b3 3d 1b 24 42 3b 33 45 44 1b 28 4a 5e 1b 24 42 42 40 4f 3a 1b 28"
                + " 4a 3d 1b 24 42 24 64 24 5e 24 40 1b 28 4a 5e 1b 24 42 24 3f 24 6d 24 26 1b 28 4a",
            "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"),
        // PS3.5 I.2: KS X 1001 in G1, designated again after each delimiter.
        new Example("I.2 \\ISO 2022 IR 149", List.of("", "ISO 2022 IR 149"),
            "48 6f 6e 67 5e 47 69 6c 64 6f 6e 67 3d 1b 24 29 43 fb f3 5e 1b 24 29 43 d1 ce d4 d7 3d"
                + " 1b 24 29 43 c8 ab 5e 1b 24 29 43 b1 e6 b5 bf",
            "Hong^Gildong=洪^吉洞=홍^길동"),
        // PS3.5 J.3: GB18030, no code extension. The standard's bytes b6 ab are 东 (U+4E1C).
        new Example("J GB18030", List.of("GB18030"),
            "57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d cd f5 5e d0 a1 b6 ab 3d",
            "Wang^XiaoDong=王^小东="),
        // PS3.5 K.2: GB 2312 in G1.
        new Example("K.2 \\ISO 2022 IR 58", List.of("", "ISO 2022 IR 58"),
            "5a 68 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d 1b 24 29 41 d5 c5 5e 1b 24 29 41 d0 a1"
                + " b6 ab 3d",
            "Zhang^XiaoDong=张^小东="),
        new Example("ISO_IR 192", List.of("ISO_IR 192"),
            "57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d e7 8e 8b 5e e5 b0 8f e6 9d b1 3d",
            "Wang^XiaoDong=王^小東="),
        new Example("ISO_IR 100", List.of("ISO_IR 100"),
            "42 75 63 5e 4a e9 72 f4 6d 65", "Buc^Jérôme"),
        new Example("ISO_IR 100 umlauts", List.of("ISO_IR 100"),
            "c4 6e 65 61 73 5e 52 fc 64 69 67 65 72", "Äneas^Rüdiger"),
        new Example("ISO_IR 126", List.of("ISO_IR 126"),
            "c4 e9 ef ed f5 f3 e9 ef f2", "Διονυσιος"),
        // Latin c, e, y, p between Cyrillic letters, as in the well-known test file.
        new Example("ISO_IR 144", List.of("ISO_IR 144"),
            "bb ee da 63 65 dc d1 79 70 d3", "Люкceмбypг"),
        new Example("ISO_IR 127", List.of("ISO_IR 127"),
            "e2 c8 c7 e6 ea 5e e4 e6 d2 c7 d1", "قباني^لنزار"),
        new Example("ISO_IR 138", List.of("ISO_IR 138"),
            "f9 f8 e5 ef 5e e3 e1 e5 f8 e4", "שרון^דבורה"),
        // TIS 620-2533: Thai letter U+0E00 + n is byte 0xA0 + n.
        new Example("ISO_IR 166", List.of("ISO_IR 166"),
            "b7 b4 ca cd ba 5e b9 d2 c1 aa d2 c2", "ทดสอบ^นามชาย"),
        new Example("ISO 2022 IR 100 in G1 from the start", List.of("ISO 2022 IR 100"),
            "42 75 63 5e 4a e9 72 f4 6d 65", "Buc^Jérôme"),
        new Example("ISO_IR 13", List.of("ISO_IR 13"),
            "d4 cf c0 de 5e c0 db b3", "ﾔﾏﾀﾞ^ﾀﾛｳ")
    ).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void standardBytes_decodeToTheText(Example example) {
    byte[] bytes = Hex.bytes(example.hex());
    SpecificCharacterSet cs = SpecificCharacterSet.of(example.terms());

    assertThat(cs.decode(bytes, 0, bytes.length, Vr.PN)).isEqualTo(example.text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void text_encodesToTheStandardBytes(Example example) {
    SpecificCharacterSet cs = SpecificCharacterSet.of(example.terms());

    assertThat(Hex.of(cs.encode(example.text(), Vr.PN))).isEqualTo(example.hex());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void standardBytes_truncatedAtEveryOffsetOrWithAnyBitFlipped_decodeWithoutThrowing(Example example) {
    byte[] bytes = Hex.bytes(example.hex());
    SpecificCharacterSet cs = SpecificCharacterSet.of(example.terms());
    for (int length = 0; length < bytes.length; length++) {
      assertThat(cs.decode(bytes, 0, length, Vr.PN)).isNotNull();
    }
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(cs.decode(flipped, 0, flipped.length, Vr.PN)).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void decodedText_survivesReencoding_inEveryTextVr(Example example) {
    byte[] bytes = Hex.bytes(example.hex());
    SpecificCharacterSet cs = SpecificCharacterSet.of(example.terms());
    for (Vr vr : List.of(Vr.SH, Vr.LO, Vr.UC, Vr.ST, Vr.LT, Vr.UT, Vr.PN)) {
      String text = cs.decode(bytes, 0, bytes.length, vr);
      byte[] reencoded = cs.encode(text, vr);

      assertThat(cs.decode(reencoded, 0, reencoded.length, vr)).as("%s", vr).isEqualTo(text);
    }
  }
}
