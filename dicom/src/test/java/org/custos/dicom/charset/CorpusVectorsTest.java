package org.custos.dicom.charset;

import org.custos.dicom.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.custos.dicom.Vr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Person names as real writers encoded them, from the pydicom character set test files in the
 * shared corpus ({@code dicom-corpus/valid/pydicom-charset}). The bytes are copied here, padding
 * included; the expected text is what {@code dcmdump +U8} prints, plus the padding space. A second
 * test checks that each vector really occurs in its file, so a typo here cannot pass unnoticed.
 */
class CorpusVectorsTest {

  record Vector(String file, String tag, List<String> terms, String hex, String text) {
    @Override
    public String toString() {
      return file + " " + tag;
    }
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        new Vector("chrArab.dcm", "(0010,0010)", List.of("ISO_IR 127"),
            "e2 c8 c7 e6 ea 5e e4 e6 d2 c7 d1 20", "قباني^لنزار "),
        new Vector("chrFrenMulti.dcm", "(0010,1001)", List.of("ISO_IR 100"),
            "42 75 63 5e 4a e9 72 f4 6d 65 5c 42 75 63 5e 4a e9 72 f4 6d 65 20",
            "Buc^Jérôme\\Buc^Jérôme "),
        new Vector("chrGreek.dcm", "(0010,0010)", List.of("ISO_IR 126"),
            "c4 e9 ef ed f5 f3 e9 ef f2 20", "Διονυσιος "),
        new Vector("chrRuss.dcm", "(0010,0010)", List.of("ISO_IR 144"),
            "bb ee da 63 65 dc d1 79 70 d3", "Люкceмбypг"),
        new Vector("chrH31.dcm", "(0010,0010)", List.of("", "ISO 2022 IR 87"),
            "59 61 6d 61 64 61 5e 54 61 72 6f 75 3d 1b 24 42 3b 33 45 44 1b 28 42 5e 1b 24 42 42 40"
                + " 4f 3a 1b 28 42 3d 1b 24 42 24 64 24 5e 24 40 1b 28 42 5e 1b 24 42 24 3f 24 6d 24"
                + " 26 1b 28 42",
            "Yamada^Tarou=山田^太郎=やまだ^たろう"),
        // This writer returns to G0 with ESC ( B (ASCII) rather than ESC ( J (Romaji) as H.3.2 does.
        new Vector("chrSQEncoding.dcm", "(0010,0010) in a sequence item",
            List.of("ISO 2022 IR 13", "ISO 2022 IR 87"),
            "d4 cf c0 de 5e c0 db b3 3d 1b 24 42 3b 33 45 44 1b 28 42 5e 1b 24 42 42 40 4f 3a 1b 28"
                + " 42 3d 1b 24 42 24 64 24 5e 24 40 1b 28 42 5e 1b 24 42 24 3f 24 6d 24 26 1b 28 42",
            "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"),
        // This writer ends each value with a redundant ESC ( B.
        new Vector("chrKoreanMulti.dcm", "(0010,0010)", List.of("", "ISO 2022 IR 149"),
            "1b 24 29 43 b1 e8 c8 f1 c1 df 1b 28 42 20", "김희중 "),
        new Vector("chrKoreanMulti.dcm", "(0010,1001)", List.of("", "ISO 2022 IR 149"),
            "1b 24 29 43 b1 e8 c8 f1 c1 df 1b 28 42 5c 1b 24 29 43 b1 e8 c8 f1 c1 df 1b 28 42 20",
            "김희중\\김희중 "),
        new Vector("chrX1.dcm", "(0010,0010)", List.of("ISO_IR 192"),
            "57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d e7 8e 8b 5e e5 b0 8f e6 9d b1 3d 20",
            "Wang^XiaoDong=王^小東= ")
    ).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void corpusName_decodesToWhatDcmdumpPrints(Vector vector) {
    byte[] bytes = Hex.bytes(vector.hex());

    String text = SpecificCharacterSet.of(vector.terms()).decode(bytes, 0, bytes.length, Vr.PN);

    assertThat(text).isEqualTo(vector.text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void corpusName_decodesToTheSameText_afterReencoding(Vector vector) {
    byte[] bytes = Hex.bytes(vector.hex());
    SpecificCharacterSet cs = SpecificCharacterSet.of(vector.terms());
    String text = cs.decode(bytes, 0, bytes.length, Vr.PN);

    byte[] reencoded = cs.encode(text, Vr.PN);

    assertThat(cs.decode(reencoded, 0, reencoded.length, Vr.PN)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector_occursInItsCorpusFile(Vector vector) throws IOException {
    byte[] file = Files.readAllBytes(corpusDir().resolve(vector.file()));

    assertThat(indexOf(file, Hex.bytes(vector.hex()))).isNotNegative();
  }

  /**
   * {@code dicom-corpus/valid/pydicom-charset} under system property {@code custos.shared.dir},
   * else under {@code ../../shared}. Its absence is a broken checkout, never a reason to skip.
   */
  private static Path corpusDir() {
    return Corpus.root().resolve("valid/pydicom-charset");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
