package org.custos.dicom;

import java.util.ArrayList;
import java.util.List;

/** Splitting and padding of character string values (PS3.5 6.2 and 6.4). */
final class TextValues {
  private TextValues() {}

  /**
   * Splits on backslash for VRs with value multiplicity (LT, ST, UT, UR never hold more than one
   * value, PS3.5 6.2), and trims padding: trailing spaces for text, trailing NUL for UI, leading
   * spaces too where PS3.5 says they are insignificant (AE, CS, DS, IS, SH, LO, UC, TM, DT…).
   */
  static List<String> split(String text, Vr vr) {
    if (text.isEmpty()) {
      return List.of();
    }
    if (!isMultiValued(vr) || text.indexOf('\\') < 0) {
      // A value made only of padding is an empty value (VM 0), as if its length were 0.
      String value = trim(text, vr);
      return value.isEmpty() && isOnlyPadding(text) ? List.of() : List.of(value);
    }
    List<String> values = new ArrayList<>(2);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\\') {
        values.add(trim(text.substring(start, i), vr));
        start = i + 1;
      }
    }
    return values;
  }

  private static boolean isOnlyPadding(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\0') {
        return false;
      }
    }
    return true;
  }

  static boolean isMultiValued(Vr vr) {
    return vr != Vr.LT && vr != Vr.ST && vr != Vr.UT && vr != Vr.UR;
  }

  static String trim(String value, Vr vr) {
    int end = value.length();
    while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
      end--;
    }
    int start = 0;
    if (vr != Vr.LT && vr != Vr.ST && vr != Vr.UT && vr != Vr.PN) {
      while (start < end && value.charAt(start) == ' ') {
        start++;
      }
    }
    return value.substring(start, end);
  }

  /** Pads an odd-length value with the VR's padding byte (PS3.5 7.1.1: lengths are even). */
  static byte[] pad(byte[] value, Vr vr) {
    if ((value.length & 1) == 0) {
      return value;
    }
    byte[] padded = java.util.Arrays.copyOf(value, value.length + 1);
    padded[value.length] = vr.paddingByte();
    return padded;
  }
}
