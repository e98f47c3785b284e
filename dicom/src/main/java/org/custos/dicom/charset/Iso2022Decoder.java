package org.custos.dicom.charset;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.custos.dicom.Vr;

/** The state of decoding one value: which sets G0 and G1 hold. Confined to one call. */
final class Iso2022Decoder {
  private final Iso2022Codec codec;
  private final Vr vr;
  private CodeElement g0;
  private CodeElement g1;

  Iso2022Decoder(Iso2022Codec codec, Vr vr) {
    this.codec = codec;
    this.vr = vr;
    reset();
  }

  String decode(byte[] bytes, int offset, int length) {
    StringBuilder out = new StringBuilder(length);
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int b = bytes[i] & 0xFF;
      if (b == CodeElement.ESC && codec.codeExtensions()) {
        i = designate(bytes, i, end, out);
      } else if (b < 0x21 || b == 0x7F) {
        // SPACE, DELETE and the C0 controls are not part of any 94-character set: they stay
        // ASCII even inside a two-byte G0 run.
        out.append((char) b);
        if (b < 0x20) {
          reset(); // PS3.5 6.1.2.5.3: before CR, LF, FF, TAB and other controls
        }
        i++;
      } else if (b < 0x80 && g0.bytesPerChar() == 1) {
        out.append((char) b);
        if (Iso2022Codec.isDelimiter(b, vr)) {
          reset();
        }
        i++;
      } else if (b < 0x80) {
        // Two-byte G0 (JIS X 0208, JIS X 0212): 05/12, 05/14 and 03/13 here are halves of a
        // character, not delimiters; a conforming writer returned to value 1's set before those.
        int runEnd = i;
        while (runEnd < end && bytes[runEnd] >= 0x21 && bytes[runEnd] <= 0x7E) {
          runEnd++;
        }
        g0.decode(bytes, i, runEnd - i, out);
        i = runEnd;
      } else {
        int runEnd = i;
        while (runEnd < end && bytes[runEnd] < 0) {
          runEnd++;
        }
        if (g1 == null) {
          out.append(new String(bytes, i, runEnd - i, StandardCharsets.ISO_8859_1));
        } else {
          g1.decode(bytes, i, runEnd - i, out);
        }
        i = runEnd;
      }
    }
    return out.toString();
  }

  /**
   * Applies the escape sequence at {@code at} and returns the index after it. An escape sequence
   * this package does not know (PS3.5 6.1.2.5.2 allows only those of the defined terms) leaves the
   * state alone and reads as one U+FFFD; the bytes after the ESC are then read as text, so nothing
   * is silently dropped.
   */
  private int designate(byte[] bytes, int at, int end, StringBuilder out) {
    Optional<CodeElement> designated = CodeElement.designatedAt(bytes, at, end);
    if (designated.isEmpty()) {
      out.append(SpecificCharacterSet.REPLACEMENT);
      return at + 1;
    }
    CodeElement element = designated.get();
    if (element.isG1()) {
      g1 = element;
    } else {
      g0 = element;
    }
    return at + element.escapeLength();
  }

  private void reset() {
    g0 = codec.initialG0();
    g1 = codec.initialG1();
  }
}
