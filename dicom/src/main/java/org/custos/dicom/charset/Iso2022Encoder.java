package org.custos.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.dicom.Vr;

/**
 * The state of encoding one value: which sets G0 and G1 hold. Confined to one call.
 *
 * <p>Writes the least code extension that reads back as the text: an escape sequence only when a
 * character needs a set not in G0 or G1, and, as PS3.5 6.1.2.5.3 requires, value 1's sets again
 * before each delimiter and control character and at the end of the value. This reproduces the
 * byte sequences of the PS3.5 Annex H and I examples.
 */
final class Iso2022Encoder {
  private final Iso2022Codec codec;
  private final Vr vr;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private CodeElement g0;
  private CodeElement g1;

  Iso2022Encoder(Iso2022Codec codec, Vr vr) {
    this.codec = codec;
    this.vr = vr;
    this.g0 = codec.initialG0();
    this.g1 = codec.initialG1();
  }

  byte[] encode(String text) {
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int cp = text.codePointAt(i);
      if (cp < 0x80) {
        if (cp == CodeElement.ESC && codec.codeExtensions()) {
          throw new UnencodableTextException(i, codec.name()); // it would be read as an escape
        }
        boolean delimiter = cp < 0x20 || Iso2022Codec.isDelimiter(cp, vr);
        restoreInitial(delimiter);
        out.write(cp);
      } else {
        writeNonAscii(cp, i);
      }
    }
    restoreInitial(true); // PS3.5 6.1.2.5.3: before the end of the value
    return out.toByteArray();
  }

  private void writeNonAscii(int cp, int index) {
    for (CodeElement element : preference()) {
      Optional<byte[]> bytes = element == null ? Optional.empty() : element.encode(cp);
      if (bytes.isPresent()) {
        if (element.isG1() && element != g1) {
          element.writeEscapeTo(out);
          g1 = element;
        } else if (!element.isG1() && element != g0) {
          element.writeEscapeTo(out);
          g0 = element;
        }
        out.writeBytes(bytes.get());
        return;
      }
    }
    throw new UnencodableTextException(index, codec.name());
  }

  /** The sets already designated first, so that a run of characters needs one escape sequence. */
  private List<CodeElement> preference() {
    List<CodeElement> order = new ArrayList<>(codec.candidates().size() + 2);
    order.add(g1);
    if (g0.bytesPerChar() == 2) {
      order.add(g0);
    }
    order.addAll(codec.candidates());
    return order;
  }

  /**
   * ASCII characters are always written in value 1's G0 set (ASCII or JIS X 0201 Romaji, which
   * this package reads alike). At a delimiter G1 also returns to value 1's set; when value 1 has
   * no G1 set there is nothing to designate, and the reader forgets G1 at the delimiter as well
   * (the repeated ESC 02/04 02/09 04/03 after each '^' in PS3.5 I.2).
   */
  private void restoreInitial(boolean delimiter) {
    if (g0 != codec.initialG0()) {
      codec.initialG0().writeEscapeTo(out);
      g0 = codec.initialG0();
    }
    if (delimiter) {
      if (g1 != codec.initialG1() && codec.initialG1() != null) {
        codec.initialG1().writeEscapeTo(out);
      }
      g1 = codec.initialG1();
    }
  }
}
