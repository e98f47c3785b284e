package org.custos.dicom.json;

import java.util.OptionalInt;

/** PS3.18 F.2.1.1: a tag in DICOM JSON is eight hex digits, {@code GGGGEEEE}. */
final class TagText {
  private TagText() {}

  /**
   * The tag of eight hex digits; upper case is what F.2.1.1 writes, lower case is accepted on
   * reading. Empty for null or anything else (no brackets, no comma, no keyword).
   */
  static OptionalInt parse(String text) {
    if (text == null || text.length() != 8) {
      return OptionalInt.empty();
    }
    int tag = 0;
    for (int i = 0; i < 8; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0 || text.charAt(i) > 'f') {
        return OptionalInt.empty();
      }
      tag = tag << 4 | digit;
    }
    return OptionalInt.of(tag);
  }
}
