package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Tag;
import org.custos.dicom.Vr;

/**
 * The binary VRs as JSON (PS3.18 F.2.3): FL, FD, SL, SS, UL, US, SV, UV as numbers, AT as a
 * string of eight hex digits. Values are little endian in memory (see {@code Value}).
 *
 * <p><b>Deviation:</b> JSON has no NaN or infinities (RFC 8259 6), which FL and FD can hold. They
 * are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (as
 * JavaScript's own names them) and read back from them; a NaN's payload bits are not kept.
 */
final class BinaryJson {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private BinaryJson() {}

  /** Writes the values of a non-empty binary element as JSON array entries. */
  static void write(JsonGenerator g, Vr vr, byte[] b) throws IOException {
    int unit = vr.bytesPerValue() * (vr == Vr.AT ? 2 : 1);
    if (b.length % unit != 0) {
      throw new BadValue("value length " + b.length + " is not a multiple of " + unit + " for VR " + vr);
    }
    for (int off = 0; off < b.length; off += unit) {
      switch (vr) {
        case US -> g.writeNumber(NumericValues.u16(b, off));
        case SS -> g.writeNumber((short) NumericValues.u16(b, off));
        case UL -> g.writeNumber(NumericValues.i32(b, off) & 0xFFFFFFFFL);
        case SL -> g.writeNumber(NumericValues.i32(b, off));
        case SV -> g.writeNumber(NumericValues.i64(b, off));
        case UV -> writeUnsigned(g, NumericValues.i64(b, off));
        case FL -> writeFloat(g, Float.intBitsToFloat(NumericValues.i32(b, off)));
        case FD -> writeDouble(g, Double.longBitsToDouble(NumericValues.i64(b, off)));
        case AT -> g.writeString(Tag.toHex(NumericValues.u16(b, off) << 16 | NumericValues.u16(b, off + 2)));
        default -> throw new IllegalArgumentException("not a binary VR: " + vr);
      }
    }
  }

  private static void writeUnsigned(JsonGenerator g, long v) throws IOException {
    if (v >= 0) {
      g.writeNumber(v);
    } else {
      g.writeNumber(BigInteger.valueOf(v).add(TWO_64));
    }
  }

  private static void writeFloat(JsonGenerator g, float v) throws IOException {
    if (Float.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeString(Float.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
  }

  private static void writeDouble(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeString(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
  }

  /** Appends the little-endian bytes of one JSON array entry of a binary element. */
  static void append(Vr vr, JsonToken token, String text, ByteArrayOutputStream out) {
    switch (vr) {
      case AT -> {
        int tag = TagText.parse(token == JsonToken.VALUE_STRING ? text : null)
            .orElseThrow(() -> new BadValue("AT value must be a string of 8 hex digits (PS3.18 F.2.3)"));
        little(out, tag >>> 16, 2);
        little(out, tag & 0xFFFF, 2);
      }
      case FL -> little(out, Float.floatToRawIntBits(floatValue(token, text)), 4);
      case FD -> little(out, Double.doubleToRawLongBits(doubleValue(token, text)), 8);
      case US -> little(out, integer(vr, token, text, BigInteger.ZERO, BigInteger.valueOf(0xFFFF)), 2);
      case SS -> little(out, integer(vr, token, text, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE)), 2);
      case UL -> little(out, integer(vr, token, text, BigInteger.ZERO, BigInteger.valueOf(0xFFFFFFFFL)), 4);
      case SL -> little(out, integer(vr, token, text, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)), 4);
      case SV -> little(out, integer(vr, token, text, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)), 8);
      case UV -> little(out, integer(vr, token, text, BigInteger.ZERO, TWO_64.subtract(BigInteger.ONE)), 8);
      default -> throw new IllegalArgumentException("not a binary VR: " + vr);
    }
  }

  private static long integer(Vr vr, JsonToken token, String text, BigInteger min, BigInteger max) {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new BadValue(vr + " value must be a JSON number, not " + describe(token));
    }
    BigInteger v;
    try {
      BigDecimal exact = new BigDecimal(text).stripTrailingZeros();
      if (exact.scale() > 0 || exact.precision() - exact.scale() > 20) {
        throw new BadValue(vr + " value is not an integer in range");
      }
      v = exact.toBigIntegerExact();
    } catch (NumberFormatException e) {
      throw new BadValue(vr + " value is not an integer in range");
    }
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new BadValue(vr + " value is out of range " + min + ".." + max);
    }
    return v.longValue();
  }

  private static float floatValue(JsonToken token, String text) {
    double d = doubleValue(token, text);
    float f = (float) d;
    if (Double.isFinite(d) && !Float.isFinite(f)) {
      throw new BadValue("FL value is out of range of a 32-bit float");
    }
    return token == JsonToken.VALUE_STRING ? f : Float.parseFloat(text);
  }

  private static double doubleValue(JsonToken token, String text) {
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = Double.parseDouble(text);
      if (!Double.isFinite(d)) {
        throw new BadValue("FD value is out of range of a 64-bit float");
      }
      return d;
    }
    if (token == JsonToken.VALUE_STRING) {
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new BadValue("FL/FD value must be a JSON number or \"NaN\", \"Infinity\", \"-Infinity\", not "
        + describe(token));
  }

  private static void little(ByteArrayOutputStream out, long v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (v >>> (8 * i)));
    }
  }

  static String describe(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_NULL -> "null";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> "'" + token + "'";
    };
  }
}
