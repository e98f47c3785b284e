package org.custos.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A graphic character set that ISO 2022 code extension can designate to G0 or G1, with the escape
 * sequence that designates it (PS3.3 Tables C.12-3 and C.12-4, PS3.5 6.1.2.5).
 *
 * <p>Bytes are handled in the form they take in a DICOM value: a G0 set is invoked in GL, so its
 * codes are 02/01 to 07/14; a G1 set is invoked in GR, so its codes have the high bit set. The code
 * tables are the JDK's; this type only knows which JDK charset covers which set and how to move
 * bytes between the two forms.
 */
enum CodeElement {
  /** ISO-IR 6, ASCII (ESC 02/08 04/02). */
  ISO_IR_6(false, 1, "(B", StandardCharsets.US_ASCII),
  /** ISO-IR 14, JIS X 0201 Romaji (ESC 02/08 04/10); read as ASCII, see {@link #decode}. */
  JIS_X0201_ROMAJI(false, 1, "(J", StandardCharsets.US_ASCII),
  /** ISO-IR 13, JIS X 0201 Katakana (ESC 02/09 04/09). */
  JIS_X0201_KATAKANA(true, 1, ")I", Charset.forName("JIS_X0201")),
  /** ISO-IR 100, Latin alphabet No. 1, right-hand part of ISO 8859-1 (ESC 02/13 04/01). */
  LATIN_1(true, 1, "-A", StandardCharsets.ISO_8859_1),
  /** ISO-IR 101, Latin alphabet No. 2 (ESC 02/13 04/02). */
  LATIN_2(true, 1, "-B", Charset.forName("ISO-8859-2")),
  /** ISO-IR 109, Latin alphabet No. 3 (ESC 02/13 04/03). */
  LATIN_3(true, 1, "-C", Charset.forName("ISO-8859-3")),
  /** ISO-IR 110, Latin alphabet No. 4 (ESC 02/13 04/04). */
  LATIN_4(true, 1, "-D", Charset.forName("ISO-8859-4")),
  /** ISO-IR 144, Cyrillic (ESC 02/13 04/12). */
  CYRILLIC(true, 1, "-L", Charset.forName("ISO-8859-5")),
  /** ISO-IR 127, Arabic (ESC 02/13 04/07). */
  ARABIC(true, 1, "-G", Charset.forName("ISO-8859-6")),
  /** ISO-IR 126, Greek (ESC 02/13 04/06). */
  GREEK(true, 1, "-F", Charset.forName("ISO-8859-7")),
  /** ISO-IR 138, Hebrew (ESC 02/13 04/08). */
  HEBREW(true, 1, "-H", Charset.forName("ISO-8859-8")),
  /** ISO-IR 148, Latin alphabet No. 5 (ESC 02/13 04/13). */
  LATIN_5(true, 1, "-M", Charset.forName("ISO-8859-9")),
  /** ISO-IR 203, Latin alphabet No. 9 (ESC 02/13 06/02). */
  LATIN_9(true, 1, "-b", Charset.forName("ISO-8859-15")),
  /** ISO-IR 166, Thai, TIS 620-2533 (ESC 02/13 05/04). */
  THAI(true, 1, "-T", Charset.forName("TIS-620")),
  /** ISO-IR 87, JIS X 0208 Kanji, in G0 (ESC 02/04 04/02). */
  JIS_X0208(false, 2, "$B", Charset.forName("x-JIS0208")),
  /** ISO-IR 159, JIS X 0212 Supplementary Kanji, in G0 (ESC 02/04 02/08 04/04). */
  JIS_X0212(false, 2, "$(D", Charset.forName("JIS_X0212-1990")),
  /** ISO-IR 149, KS X 1001 Hangul and Hanja, in G1 (ESC 02/04 02/09 04/03); read as EUC-KR. */
  KS_X1001(true, 2, "$)C", Charset.forName("EUC-KR")),
  /** ISO-IR 58, GB 2312 Simplified Chinese, in G1 (ESC 02/04 02/09 04/01); read as EUC-CN. */
  GB2312(true, 2, "$)A", Charset.forName("GB2312"));

  static final byte ESC = 0x1B;

  private static final CodeElement[] VALUES = values();

  private final boolean g1;
  private final int bytesPerChar;
  private final byte[] escapeSequence;
  private final Charset charset;

  CodeElement(boolean g1, int bytesPerChar, String afterEsc, Charset charset) {
    this.g1 = g1;
    this.bytesPerChar = bytesPerChar;
    this.charset = charset;
    this.escapeSequence = new byte[afterEsc.length() + 1];
    escapeSequence[0] = ESC;
    for (int i = 0; i < afterEsc.length(); i++) {
      escapeSequence[i + 1] = (byte) afterEsc.charAt(i);
    }
  }

  /** True for a set designated to G1 (codes in GR), false for G0 (codes in GL). */
  boolean isG1() {
    return g1;
  }

  /** 1 for the single-byte sets, 2 for JIS X 0208, JIS X 0212, KS X 1001 and GB 2312. */
  int bytesPerChar() {
    return bytesPerChar;
  }

  /** Writes the escape sequence that designates this set, ESC included. */
  void writeEscapeTo(ByteArrayOutputStream out) {
    out.write(escapeSequence, 0, escapeSequence.length);
  }

  int escapeLength() {
    return escapeSequence.length;
  }

  /** The element whose escape sequence starts at {@code bytes[at]}, if any ends before {@code end}. */
  static Optional<CodeElement> designatedAt(byte[] bytes, int at, int end) {
    for (CodeElement element : VALUES) {
      byte[] esc = element.escapeSequence;
      if (end - at >= esc.length && Arrays.equals(bytes, at, at + esc.length, esc, 0, esc.length)) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  /**
   * Appends the characters of {@code length} bytes that this set encodes: GL bytes for a G0 set,
   * GR bytes for a G1 set. Never throws; bytes that are not a character become U+FFFD, and so does
   * the odd last byte of a two-byte set.
   *
   * <p>JIS X 0201 Romaji differs from ASCII only at 05/12 (YEN SIGN) and 07/14 (OVERLINE). They
   * are read as REVERSE SOLIDUS and TILDE, as the JDK's JIS_X0201 does, because 05/12 is the DICOM
   * value delimiter whatever glyph a font draws for it (PS3.5 6.1.3, 6.4).
   */
  void decode(byte[] bytes, int offset, int length, StringBuilder out) {
    int whole = length - length % bytesPerChar;
    out.append(new String(bytes, offset, whole, charset));
    if (whole != length) {
      out.append(SpecificCharacterSet.REPLACEMENT);
    }
  }

  /**
   * The bytes of one code point in this set, in the form {@link #decode} reads (GL for G0, GR for
   * G1), or empty when the set does not contain it or would not read it back as the same code
   * point. Only graphic characters of the set qualify: 02/01 to 07/14 for a G0 set, 10/00 to 15/15
   * for a single-byte G1 set (no C1 controls), 10/01 to 15/14 per byte for a two-byte G1 set.
   */
  Optional<byte[]> encode(int codePoint) {
    if (this == ISO_IR_6 || this == JIS_X0201_ROMAJI) {
      return codePoint > 0x20 && codePoint < 0x7F
          ? Optional.of(new byte[] {(byte) codePoint})
          : Optional.empty();
    }
    String text = new String(Character.toChars(codePoint));
    byte[] bytes = text.getBytes(charset);
    if (bytes.length != bytesPerChar || !inRange(bytes)) {
      return Optional.empty();
    }
    return new String(bytes, charset).equals(text) ? Optional.of(bytes) : Optional.empty();
  }

  private boolean inRange(byte[] bytes) {
    for (byte b : bytes) {
      int x = b & 0xFF;
      boolean ok = !g1 ? x >= 0x21 && x <= 0x7E
          : bytesPerChar == 1 ? x >= 0xA0
          : x >= 0xA1 && x <= 0xFE;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
