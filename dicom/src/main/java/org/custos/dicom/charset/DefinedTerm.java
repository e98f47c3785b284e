package org.custos.dicom.charset;

import static org.custos.dicom.charset.CodeElement.ARABIC;
import static org.custos.dicom.charset.CodeElement.CYRILLIC;
import static org.custos.dicom.charset.CodeElement.GB2312;
import static org.custos.dicom.charset.CodeElement.GREEK;
import static org.custos.dicom.charset.CodeElement.HEBREW;
import static org.custos.dicom.charset.CodeElement.ISO_IR_6;
import static org.custos.dicom.charset.CodeElement.JIS_X0201_KATAKANA;
import static org.custos.dicom.charset.CodeElement.JIS_X0201_ROMAJI;
import static org.custos.dicom.charset.CodeElement.JIS_X0208;
import static org.custos.dicom.charset.CodeElement.JIS_X0212;
import static org.custos.dicom.charset.CodeElement.KS_X1001;
import static org.custos.dicom.charset.CodeElement.LATIN_1;
import static org.custos.dicom.charset.CodeElement.LATIN_2;
import static org.custos.dicom.charset.CodeElement.LATIN_3;
import static org.custos.dicom.charset.CodeElement.LATIN_4;
import static org.custos.dicom.charset.CodeElement.LATIN_5;
import static org.custos.dicom.charset.CodeElement.LATIN_9;
import static org.custos.dicom.charset.CodeElement.THAI;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Defined Terms of Specific Character Set (0008,0005), PS3.3 C.12.1.1.2: single-byte sets
 * without code extensions (Table C.12-2), single-byte sets with code extensions (Table C.12-3),
 * multi-byte sets with code extensions (Table C.12-4) and multi-byte sets without code extensions
 * (Table C.12-5). A term is either a list of ISO 2022 code elements or, for the last table, one
 * whole-value charset.
 */
enum DefinedTerm {
  ISO_IR_6_TERM("ISO_IR 6", ISO_IR_6),
  ISO_IR_100("ISO_IR 100", ISO_IR_6, LATIN_1),
  ISO_IR_101("ISO_IR 101", ISO_IR_6, LATIN_2),
  ISO_IR_109("ISO_IR 109", ISO_IR_6, LATIN_3),
  ISO_IR_110("ISO_IR 110", ISO_IR_6, LATIN_4),
  ISO_IR_144("ISO_IR 144", ISO_IR_6, CYRILLIC),
  ISO_IR_127("ISO_IR 127", ISO_IR_6, ARABIC),
  ISO_IR_126("ISO_IR 126", ISO_IR_6, GREEK),
  ISO_IR_138("ISO_IR 138", ISO_IR_6, HEBREW),
  ISO_IR_148("ISO_IR 148", ISO_IR_6, LATIN_5),
  ISO_IR_203("ISO_IR 203", ISO_IR_6, LATIN_9),
  ISO_IR_13("ISO_IR 13", JIS_X0201_ROMAJI, JIS_X0201_KATAKANA),
  ISO_IR_166("ISO_IR 166", ISO_IR_6, THAI),
  ISO_2022_IR_6("ISO 2022 IR 6", ISO_IR_6),
  ISO_2022_IR_100("ISO 2022 IR 100", ISO_IR_6, LATIN_1),
  ISO_2022_IR_101("ISO 2022 IR 101", ISO_IR_6, LATIN_2),
  ISO_2022_IR_109("ISO 2022 IR 109", ISO_IR_6, LATIN_3),
  ISO_2022_IR_110("ISO 2022 IR 110", ISO_IR_6, LATIN_4),
  ISO_2022_IR_144("ISO 2022 IR 144", ISO_IR_6, CYRILLIC),
  ISO_2022_IR_127("ISO 2022 IR 127", ISO_IR_6, ARABIC),
  ISO_2022_IR_126("ISO 2022 IR 126", ISO_IR_6, GREEK),
  ISO_2022_IR_138("ISO 2022 IR 138", ISO_IR_6, HEBREW),
  ISO_2022_IR_148("ISO 2022 IR 148", ISO_IR_6, LATIN_5),
  ISO_2022_IR_203("ISO 2022 IR 203", ISO_IR_6, LATIN_9),
  ISO_2022_IR_13("ISO 2022 IR 13", JIS_X0201_ROMAJI, JIS_X0201_KATAKANA),
  ISO_2022_IR_166("ISO 2022 IR 166", ISO_IR_6, THAI),
  ISO_2022_IR_87("ISO 2022 IR 87", JIS_X0208),
  ISO_2022_IR_159("ISO 2022 IR 159", JIS_X0212),
  ISO_2022_IR_149("ISO 2022 IR 149", KS_X1001),
  ISO_2022_IR_58("ISO 2022 IR 58", GB2312),
  ISO_IR_192("ISO_IR 192", StandardCharsets.UTF_8),
  GB18030("GB18030", Charset.forName("GB18030")),
  GBK("GBK", Charset.forName("GBK"));

  private static final Map<String, DefinedTerm> BY_TERM = new HashMap<>();

  static {
    for (DefinedTerm term : values()) {
      BY_TERM.put(term.term, term);
    }
  }

  private final String term;
  private final List<CodeElement> elements;
  private final Charset wholeValueCharset;

  DefinedTerm(String term, CodeElement... elements) {
    this.term = term;
    this.elements = List.of(elements);
    this.wholeValueCharset = null;
  }

  DefinedTerm(String term, Charset wholeValueCharset) {
    this.term = term;
    this.elements = List.of();
    this.wholeValueCharset = wholeValueCharset;
  }

  /** The term exactly as PS3.3 spells it; empty for anything else (matching is case-sensitive). */
  static Optional<DefinedTerm> of(String term) {
    return Optional.ofNullable(BY_TERM.get(term));
  }

  String term() {
    return term;
  }

  /** True for the "ISO 2022" terms, which announce code extension (PS3.3 C.12.1.1.2). */
  boolean announcesCodeExtension() {
    return term.startsWith("ISO 2022");
  }

  /** The code elements of a Table C.12-2, C.12-3 or C.12-4 term; empty for Table C.12-5. */
  List<CodeElement> elements() {
    return elements;
  }

  /** The charset of a Table C.12-5 term (UTF-8, GB18030, GBK), which is used without extension. */
  Optional<Charset> wholeValueCharset() {
    return Optional.ofNullable(wholeValueCharset);
  }
}
