package org.custos.dicom;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** Reading numbers out of element values held little endian (see {@link Value}). */
public final class NumericValues {
  private NumericValues() {}

  static OptionalLong firstLong(DicomElement element) {
    if (!(element.value() instanceof Value.Bytes bytes)) {
      return OptionalLong.empty();
    }
    byte[] b = bytes.raw();
    switch (element.vr()) {
      case US:
        return b.length >= 2 ? OptionalLong.of(u16(b, 0)) : OptionalLong.empty();
      case SS:
        return b.length >= 2 ? OptionalLong.of((short) u16(b, 0)) : OptionalLong.empty();
      case UL:
        return b.length >= 4 ? OptionalLong.of(i32(b, 0) & 0xFFFFFFFFL) : OptionalLong.empty();
      case SL:
        return b.length >= 4 ? OptionalLong.of(i32(b, 0)) : OptionalLong.empty();
      case SV:
      case UV:
        return b.length >= 8 ? OptionalLong.of(i64(b, 0)) : OptionalLong.empty();
      case IS:
        return parseIntegerString(b);
      default:
        return OptionalLong.empty();
    }
  }

  private static OptionalLong parseIntegerString(byte[] b) {
    String text = new String(b, StandardCharsets.US_ASCII);
    int sep = text.indexOf('\\');
    String first = (sep < 0 ? text : text.substring(0, sep)).trim();
    if (first.startsWith("+")) {
      first = first.substring(1);
    }
    try {
      return first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(first));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  public static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  public static int i32(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
  }

  public static long i64(byte[] b, int off) {
    return (i32(b, off) & 0xFFFFFFFFL) | ((long) i32(b, off + 4) << 32);
  }

  /** Reverses each {@code unit}-byte group in place: little ↔ big endian (PS3.5 7.3). */
  public static void swap(byte[] b, int off, int len, int unit) {
    if (unit <= 1) {
      return;
    }
    int end = off + len - len % unit;
    for (int i = off; i < end; i += unit) {
      for (int lo = i, hi = i + unit - 1; lo < hi; lo++, hi--) {
        byte t = b[lo];
        b[lo] = b[hi];
        b[hi] = t;
      }
    }
  }

  /** Swap unit for a VR: AT swaps its two 16-bit halves separately. */
  public static int swapUnit(Vr vr) {
    return vr == Vr.AT ? 2 : vr.bytesPerValue();
  }
}
