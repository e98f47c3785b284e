package org.custos.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.custos.dicom.Vr;

/**
 * Decoding never throws, for any bytes and every supported (0008,0005); encoding text drawn from a
 * set's repertoire succeeds and decodes back to the text; and re-encoding decoded bytes, when it
 * succeeds, decodes to the same text.
 */
class SpecificCharacterSetPropertiesTest {
  private static final String ASCII = "AZaz09 ^=\\\r\n\t.-~";

  /** Term sets and characters each can encode, besides ASCII. */
  private static final Map<List<String>, String> REPERTOIRES = Map.ofEntries(
      Map.entry(List.of(), ""),
      Map.entry(List.of("ISO_IR 100"), "éèàçÄÖÜß¡ÿ\u00a0"),
      Map.entry(List.of("ISO_IR 101"), "ąčěłńřšžŐű"),
      Map.entry(List.of("ISO_IR 109"), "ĉĝĥĵŝŭĦ"),
      Map.entry(List.of("ISO_IR 110"), "āēīōūĸņ"),
      Map.entry(List.of("ISO_IR 144"), "ДЖЛюкбгё№"),
      Map.entry(List.of("ISO_IR 127"), "قبانيلزر،؟"),
      Map.entry(List.of("ISO_IR 126"), "ΔιονυσςΩά"),
      Map.entry(List.of("ISO_IR 138"), "שרוןדבורה"),
      Map.entry(List.of("ISO_IR 148"), "ğışĞİŞ"),
      Map.entry(List.of("ISO_IR 203"), "€ŠšŽžŒœŸ"),
      Map.entry(List.of("ISO_IR 13"), "ﾔﾏﾀﾞﾛｳ｡ｰ"),
      Map.entry(List.of("ISO_IR 166"), "ทดสอบกขฮ๙"),
      Map.entry(List.of("ISO 2022 IR 6"), ""),
      Map.entry(List.of("ISO 2022 IR 144"), "ДЖЛюкбгё№"),
      Map.entry(List.of("ISO 2022 IR 166"), "ทดสอบกขฮ๙"),
      Map.entry(List.of("", "ISO 2022 IR 87"), "山田太郎やまだたろうアイ漢字"),
      Map.entry(List.of("ISO 2022 IR 13", "ISO 2022 IR 87"), "ﾔﾏﾀﾞﾛｳ山田太郎やまだ"),
      Map.entry(List.of("", "ISO 2022 IR 87", "ISO 2022 IR 159"), "山田驎やま"),
      Map.entry(List.of("", "ISO 2022 IR 149"), "홍길동김희중洪吉洞"),
      Map.entry(List.of("", "ISO 2022 IR 58"), "张小东王第一行文字"),
      Map.entry(List.of("ISO 2022 IR 100", "ISO 2022 IR 126", "ISO 2022 IR 144"), "éÄΔιДЖ"),
      Map.entry(List.of("ISO 2022 IR 6", "ISO 2022 IR 149", "ISO 2022 IR 87"), "홍길やま山"),
      Map.entry(List.of("ISO_IR 192"), "é王小東😀홍ﾔ"),
      Map.entry(List.of("GB18030"), "é王小東😀홍"),
      Map.entry(List.of("GBK"), "王小东東"));

  private static final List<Vr> TEXT_VRS =
      List.of(Vr.SH, Vr.LO, Vr.UC, Vr.ST, Vr.LT, Vr.UT, Vr.PN, Vr.CS, Vr.UI, Vr.DA);

  /** Escape sequences, their prefixes, delimiters and arbitrary bytes, in any order. */
  private static final List<String> TOKENS = List.of(
      "1b 28 42", "1b 28 4a", "1b 29 49", "1b 24 42", "1b 24 28 44", "1b 24 29 43", "1b 24 29 41",
      "1b 2d 41", "1b 2d 46", "1b 2d 54", "1b 2d 62", "1b", "1b 24", "1b 24 29", "5c", "5e", "3d",
      "0d 0a", "24 5e", "c8 ab", "b1", "80", "ff");

  @Provide
  Arbitrary<List<String>> termSets() {
    return Arbitraries.of(List.copyOf(REPERTOIRES.keySet()));
  }

  @Provide
  Arbitrary<byte[]> hostileBytes() {
    Arbitrary<byte[]> token = Arbitraries.oneOf(
        Arbitraries.of(TOKENS).map(Hex::bytes),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(4));
    return token.list().ofMaxSize(40).map(parts -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      parts.forEach(out::writeBytes);
      return out.toByteArray();
    });
  }

  @Provide
  Arbitrary<Tuple2<List<String>, String>> textsInRepertoire() {
    return termSets().flatMap(terms -> {
      String chars = ASCII + REPERTOIRES.get(terms);
      Arbitrary<String> text = Arbitraries.of(chars.codePoints().boxed().toList())
          .list().ofMaxSize(30)
          .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
      return Combinators.combine(Arbitraries.just(terms), text).as(Tuple::of);
    });
  }

  @Property(tries = 2000)
  void decode_neverThrows(
      @ForAll("hostileBytes") byte[] bytes,
      @ForAll("termSets") List<String> terms,
      @ForAll("textVrs") Vr vr) {
    SpecificCharacterSet cs = SpecificCharacterSet.of(terms);

    assertThat(cs.decode(bytes, 0, bytes.length, vr)).isNotNull();
  }

  @Property(tries = 2000)
  void encodeThenDecode_isIdentity_forTextInTheRepertoire(
      @ForAll("textsInRepertoire") Tuple2<List<String>, String> sample,
      @ForAll("textVrs") Vr vr) {
    SpecificCharacterSet cs = SpecificCharacterSet.of(sample.get1());
    String text = sample.get2();

    byte[] bytes = cs.encode(text, vr.isCharacterSetSensitive() ? vr : Vr.LO);
    Vr used = vr.isCharacterSetSensitive() ? vr : Vr.LO;

    assertThat(cs.decode(bytes, 0, bytes.length, used)).isEqualTo(text);
  }

  @Property(tries = 2000)
  void reencodedDecodedBytes_decodeToTheSameText(
      @ForAll("hostileBytes") byte[] bytes,
      @ForAll("termSets") List<String> terms,
      @ForAll("textVrs") Vr vr) {
    SpecificCharacterSet cs = SpecificCharacterSet.of(terms);
    String text = cs.decode(bytes, 0, bytes.length, vr);
    byte[] reencoded;
    try {
      reencoded = cs.encode(text, vr);
    } catch (UnencodableTextException e) {
      Statistics.label("re-encoded").collect(false);
      return; // U+FFFD, or a leniently read byte, has no encoding in this set: nothing to compare
    }
    Statistics.label("re-encoded").collect(true);

    assertThat(cs.decode(reencoded, 0, reencoded.length, vr)).isEqualTo(text);
  }

  @Provide
  Arbitrary<Vr> textVrs() {
    return Arbitraries.of(TEXT_VRS);
  }
}
