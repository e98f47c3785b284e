package org.custos.dicom.dump;

import java.util.StringJoiner;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/** Renders one leaf value as short text: decoded strings, numbers, or a hex prefix of bytes. */
final class ValueText {
  private static final int MAX_VALUES = 16;
  private static final int MAX_CHARS = 96;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ValueText() {}

  static String of(DicomElement element, DataSet owner) {
    Value value = element.value();
    if (value instanceof Value.Bulk bulk) {
      return "(bulk " + bulk.ref().length() + " bytes at offset " + bulk.ref().offset()
          + (bulk.ref().inDeflatedStream() ? " of the inflated data set" : "") + ")";
    }
    if (!(value instanceof Value.Bytes bytes)) {
      return "";
    }
    Vr vr = element.vr();
    if (vr.isText()) {
      return "[" + clip(String.join("\\", owner.getStrings(element.tag()))) + "]";
    }
    byte[] b = bytes.bytes();
    if (vr.kind() == Vr.Kind.BINARY) {
      return binary(b, vr);
    }
    return hex(b);
  }

  private static String binary(byte[] b, Vr vr) {
    StringJoiner out = new StringJoiner("\\");
    int unit = vr.bytesPerValue();
    int count = b.length / unit;
    for (int i = 0; i < Math.min(count, MAX_VALUES); i++) {
      int off = i * unit;
      out.add(switch (vr) {
        case US -> Integer.toString(NumericValues.u16(b, off));
        case SS -> Integer.toString((short) NumericValues.u16(b, off));
        case UL -> Long.toString(NumericValues.i32(b, off) & 0xFFFFFFFFL);
        case SL -> Integer.toString(NumericValues.i32(b, off));
        case FL -> Float.toString(Float.intBitsToFloat(NumericValues.i32(b, off)));
        case FD -> Double.toString(Double.longBitsToDouble(NumericValues.i64(b, off)));
        case SV -> Long.toString(NumericValues.i64(b, off));
        case UV -> Long.toUnsignedString(NumericValues.i64(b, off));
        case AT -> Tag.toString(NumericValues.u16(b, off) << 16 | NumericValues.u16(b, off + 2));
        default -> "?";
      });
    }
    return (count > MAX_VALUES ? out + "\\…" : out.toString());
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(b.length, MAX_VALUES); i++) {
      if (i > 0) {
        sb.append('\\');
      }
      sb.append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
    }
    return b.length > MAX_VALUES ? sb + "\\…" : sb.toString();
  }

  private static String clip(String s) {
    String oneLine = s.replace('\r', ' ').replace('\n', ' ');
    return oneLine.length() > MAX_CHARS ? oneLine.substring(0, MAX_CHARS) + "…" : oneLine;
  }
}
