package org.custos.dicom.charset;

import java.util.List;
import org.custos.dicom.Vr;

/**
 * Single-byte character sets and ISO 2022 code extension (PS3.5 6.1.2.4 and 6.1.2.5).
 *
 * <p>The sets of value 1 of (0008,0005) are the initial designation of G0 and G1 (PS3.5
 * 6.1.2.5.1); escape sequences may designate the {@code candidates}, the sets of all values. A
 * codec without {@code codeExtensions} (a Table C.12-2 term, or the default repertoire) never reads
 * or writes an escape sequence: ESC is then an ordinary control character.
 *
 * @param initialG0 ASCII, or JIS X 0201 Romaji when value 1 is ISO 2022 IR 13
 * @param initialG1 the G1 set of value 1, or {@code null} when it has none (ISO-IR 6)
 * @param candidates the sets that may encode non-ASCII characters, in the order of the values
 * @param codeExtensions whether escape sequences are read and written
 * @param name the repertoire as messages name it
 */
record Iso2022Codec(
    CodeElement initialG0,
    CodeElement initialG1,
    List<CodeElement> candidates,
    boolean codeExtensions,
    String name) implements TextCodec {

  /** The default repertoire, ISO-IR 6 (PS3.5 6.1.2.1), with the lenient G1 of {@link #decode}. */
  static final Iso2022Codec DEFAULT =
      new Iso2022Codec(CodeElement.ISO_IR_6, null, List.of(), false, "the default repertoire (ISO_IR 6)");

  Iso2022Codec {
    candidates = List.copyOf(candidates);
    if (initialG0.isG1() || initialG0.bytesPerChar() != 1 || (initialG1 != null && !initialG1.isG1())) {
      throw new IllegalArgumentException("initial designation must be a single-byte G0 set and a G1 set");
    }
  }

  /**
   * PS3.5 6.1.2.5.3: the sets of value 1 are active again before the value delimiter (05/12, for
   * VRs that may hold several values, PS3.5 6.4) and, in PN, before the component group and
   * component delimiters '=' and '^' (PS3.5 6.2.1). Control characters are handled by the caller.
   */
  static boolean isDelimiter(int ch, Vr vr) {
    if (ch == '\\') {
      return vr != Vr.LT && vr != Vr.ST && vr != Vr.UT && vr != Vr.UR;
    }
    return vr == Vr.PN && (ch == '^' || ch == '=');
  }

  /**
   * Bytes 08/00 to 15/15 while no set is designated to G1 (the default repertoire, or ISO 2022 IR 6
   * before any G1 escape) are read as ISO-8859-1: they are not valid, but Latin-1 text labelled as
   * the default repertoire is common, and this reading keeps every byte visible.
   */
  @Override
  public String decode(byte[] bytes, int offset, int length, Vr vr) {
    return new Iso2022Decoder(this, vr).decode(bytes, offset, length);
  }

  @Override
  public byte[] encode(String text, Vr vr) {
    return new Iso2022Encoder(this, vr).encode(text);
  }
}
