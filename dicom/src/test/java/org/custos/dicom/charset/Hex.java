package org.custos.dicom.charset;

import java.util.HexFormat;

/** Test vectors written as the standard's annexes list them: hex bytes separated by spaces. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
