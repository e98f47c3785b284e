package org.custos.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.custos.dicom.Vr;

/**
 * The character repertoires named by Specific Character Set (0008,0005), and the decoding and
 * encoding of text values with them (PS3.5 6.1, PS3.3 C.12.1.1.2).
 *
 * <p>Supported: the default repertoire (absent, empty or {@code ISO_IR 6}); the single-byte sets
 * {@code ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 13, 166}; their
 * {@code ISO 2022 IR n} forms and {@code ISO 2022 IR 6}; the multi-byte sets with code extension
 * {@code ISO 2022 IR 87} (JIS X 0208), {@code 159} (JIS X 0212), {@code 149} (KS X 1001) and
 * {@code 58} (GB 2312); and {@code ISO_IR 192} (UTF-8), {@code GB18030} and {@code GBK}. The code
 * tables are the JDK's.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #decode} never throws for any bytes: bytes that are not a character of the
 *       designated set, unknown escape sequences and truncated multi-byte characters read as
 *       U+FFFD. Padding is not removed.
 *   <li>Whenever {@link #encode} returns, {@link #decode} of its result with the same VR is the
 *       original text. Encoding never loses a character silently: it throws
 *       {@link UnencodableTextException} instead.
 *   <li>Immutable and safe to share between threads.
 * </ul>
 *
 * <p>Full disclosure — where decoding is lenient rather than strict:
 * <ul>
 *   <li>Bytes above 07/15 in the default repertoire (which has none) read as ISO-8859-1, so
 *       mislabelled Latin-1 stays readable; {@link #encode} does not write them.
 *   <li>VRs the Specific Character Set does not affect (PS3.5 6.1.2.3: AE, CS, UI, DA, TM, …) are
 *       read and written as ISO-8859-1, byte for byte, whatever the defined terms.
 *   <li>An escape sequence of any supported set is honoured even when its defined term is not in
 *       (0008,0005).
 *   <li>When value 1 is itself a multi-byte term, G0 still starts as ASCII (so
 *       {@code ISO 2022 IR 87} alone behaves like {@code \ISO 2022 IR 87}); a multi-byte G1 set in
 *       value 1 ({@code ISO 2022 IR 149}, {@code 58}) is designated from the start, which also
 *       reads EUC-KR and GB 2312 text written without escape sequences.
 *   <li>In a multi-valued (0008,0005), a Table C.12-2 term such as {@code ISO_IR 100} counts as its
 *       {@code ISO 2022} form; {@code ISO_IR 192}, {@code GB18030} or {@code GBK}, which do not
 *       allow code extension, take over the whole value (the first of them wins).
 *   <li>JIS X 0201 Romaji reads 05/12 and 07/14 as '\' and '~' (see PS3.5 6.4: 05/12 is the value
 *       delimiter in every repertoire).
 * </ul>
 * Defined terms are matched exactly after removing surrounding spaces: misspellings such as
 * {@code ISO_IR_100} are rejected with {@link UnknownCharacterSetException}.
 */
public final class SpecificCharacterSet {
  /** What undecodable bytes read as. */
  static final char REPLACEMENT = '\uFFFD';

  private static final TextCodec UNAFFECTED =
      new WholeValueCodec(StandardCharsets.ISO_8859_1, "ISO-8859-1 (VRs that (0008,0005) does not affect)");

  /** The default repertoire, ISO-IR 6 (PS3.5 6.1.2.1): (0008,0005) absent or empty. */
  public static final SpecificCharacterSet DEFAULT =
      new SpecificCharacterSet(List.of(), Iso2022Codec.DEFAULT);

  private final List<String> definedTerms;
  private final TextCodec codec;

  private SpecificCharacterSet(List<String> definedTerms, TextCodec codec) {
    this.definedTerms = definedTerms;
    this.codec = codec;
  }

  /**
   * The character set named by the values of (0008,0005), in order. Surrounding spaces (and NUL
   * padding) of each value are ignored. An empty value 1 stands for ISO 2022 IR 6, as in
   * {@code \ISO 2022 IR 87} (PS3.3 C.12.1.1.2); an empty list, or only empty values, is
   * {@link #DEFAULT}.
   *
   * @throws UnknownCharacterSetException naming the first value that is not a supported term
   */
  public static SpecificCharacterSet of(List<String> definedTerms) {
    List<String> terms = new ArrayList<>(definedTerms.size());
    boolean allEmpty = true;
    for (String value : definedTerms) {
      String term = strip(Objects.requireNonNull(value, "defined term"));
      terms.add(term);
      allEmpty &= term.isEmpty();
    }
    if (allEmpty) {
      return DEFAULT;
    }
    return new SpecificCharacterSet(List.copyOf(terms), resolve(terms));
  }

  private static TextCodec resolve(List<String> terms) {
    String name = "Specific Character Set '" + String.join("\\", terms) + "'";
    List<DefinedTerm> resolved = new ArrayList<>(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      String term = terms.get(i);
      if (term.isEmpty()) {
        if (i == 0) {
          resolved.add(DefinedTerm.ISO_2022_IR_6); // PS3.3 C.12.1.1.2: value 1 missing
        }
        continue;
      }
      resolved.add(DefinedTerm.of(term).orElseThrow(() -> new UnknownCharacterSetException(term)));
    }
    for (DefinedTerm term : resolved) {
      Optional<Charset> whole = term.wholeValueCharset();
      if (whole.isPresent()) {
        return new WholeValueCodec(whole.get(), name);
      }
    }
    DefinedTerm first = resolved.get(0);
    boolean codeExtensions = terms.size() > 1 || first.announcesCodeExtension();
    CodeElement g0 = CodeElement.ISO_IR_6;
    CodeElement g1 = null;
    for (CodeElement element : first.elements()) {
      if (!element.isG1() && element.bytesPerChar() == 1) {
        g0 = element;
      } else if (element.isG1()) {
        g1 = element;
      }
    }
    List<CodeElement> candidates = !codeExtensions
        ? (g1 == null ? List.of() : List.of(g1))
        : nonAsciiElements(resolved);
    return new Iso2022Codec(g0, g1, candidates, codeExtensions, name);
  }

  /** The sets that can hold non-ASCII characters, in the order of the values, each once. */
  private static List<CodeElement> nonAsciiElements(List<DefinedTerm> terms) {
    List<CodeElement> elements = new ArrayList<>();
    for (DefinedTerm term : terms) {
      for (CodeElement element : term.elements()) {
        if ((element.isG1() || element.bytesPerChar() == 2) && !elements.contains(element)) {
          elements.add(element);
        }
      }
    }
    return elements;
  }

  private static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\0')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
      end--;
    }
    return value.substring(start, end);
  }

  /**
   * The text of {@code length} bytes of a value of VR {@code vr}, possibly several values
   * separated by '\'. Code extension state starts from value 1's sets at {@code offset}. Never
   * throws for any byte content.
   *
   * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
   */
  public String decode(byte[] bytes, int offset, int length, Vr vr) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return codecFor(vr).decode(bytes, offset, length, vr);
  }

  /**
   * The bytes of {@code text} as a value of VR {@code vr}, without padding. With ISO 2022 code
   * extension the result starts and ends in value 1's sets (PS3.5 6.1.2.5.3).
   *
   * @throws UnencodableTextException when a character is not in the repertoire
   */
  public byte[] encode(String text, Vr vr) {
    Objects.requireNonNull(text, "text");
    return codecFor(vr).encode(text, vr);
  }

  private TextCodec codecFor(Vr vr) {
    return vr.isCharacterSetSensitive() ? codec : UNAFFECTED;
  }

  /** The values of (0008,0005) without surrounding spaces; empty for {@link #DEFAULT}. */
  public List<String> definedTerms() {
    return definedTerms;
  }

  /** True for the default repertoire: (0008,0005) absent, empty, or exactly {@code ISO_IR 6}. */
  public boolean isDefault() {
    return definedTerms.isEmpty() || definedTerms.equals(List.of("ISO_IR 6"));
  }

  /** Equal when the defined terms are, after removing surrounding spaces. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SpecificCharacterSet that && definedTerms.equals(that.definedTerms);
  }

  @Override
  public int hashCode() {
    return definedTerms.hashCode();
  }

  /** The defined terms as (0008,0005) would hold them, e.g. {@code \ISO 2022 IR 87}. */
  @Override
  public String toString() {
    return "SpecificCharacterSet[" + String.join("\\", definedTerms) + "]";
  }
}
