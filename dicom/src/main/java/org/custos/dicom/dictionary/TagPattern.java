package org.custos.dicom.dictionary;

/**
 * A PS3.6 tag as written in the registry, with {@code x} for each repeating hex digit:
 * {@code 00100010}, {@code 60xx3000}, {@code 1000xxx0}, {@code 002031xx}. {@code tag} holds the
 * fixed digits (x read as 0), {@code mask} has {@code F} for every fixed digit and {@code 0} for
 * every {@code x}.
 */
record TagPattern(int tag, int mask) {

  /** Parses eight characters, each a hex digit (either case) or {@code x}. */
  static TagPattern parse(String text) {
    if (text.length() != 8) {
      throw new IllegalArgumentException("tag pattern must have 8 characters: '" + text + "'");
    }
    int tag = 0;
    int mask = 0;
    for (int i = 0; i < 8; i++) {
      char c = text.charAt(i);
      tag <<= 4;
      mask <<= 4;
      if (c == 'x' || c == 'X') {
        continue;
      }
      int digit = Character.digit(c, 16);
      if (digit < 0) {
        throw new IllegalArgumentException("tag pattern has a bad digit: '" + text + "'");
      }
      tag |= digit;
      mask |= 0xF;
    }
    return new TagPattern(tag, mask);
  }
}
