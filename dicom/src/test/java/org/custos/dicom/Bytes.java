package org.custos.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds encoded test inputs byte by byte: little or big endian numbers, ASCII, raw bytes. */
final class Bytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final boolean bigEndian;

  private Bytes(boolean bigEndian) {
    this.bigEndian = bigEndian;
  }

  static Bytes le() {
    return new Bytes(false);
  }

  static Bytes be() {
    return new Bytes(true);
  }

  Bytes u16(int v) {
    if (bigEndian) {
      out.write(v >>> 8);
      out.write(v);
    } else {
      out.write(v);
      out.write(v >>> 8);
    }
    return this;
  }

  Bytes u32(long v) {
    if (bigEndian) {
      u16((int) (v >>> 16)).u16((int) v);
    } else {
      u16((int) v).u16((int) (v >>> 16));
    }
    return this;
  }

  Bytes tag(int tag) {
    return u16(tag >>> 16).u16(tag & 0xFFFF);
  }

  Bytes ascii(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  Bytes raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  /** Explicit VR element with a short (16-bit) length. */
  Bytes shortElement(int tag, String vr, String value) {
    return tag(tag).ascii(vr).u16(value.length()).ascii(value);
  }

  /** Explicit VR header with the long form: VR, 2 reserved bytes, 32-bit length. */
  Bytes longHeader(int tag, String vr, long length) {
    return tag(tag).ascii(vr).u16(0).u32(length);
  }

  /** Implicit VR element. */
  Bytes implicitElement(int tag, String value) {
    return tag(tag).u32(value.length()).ascii(value);
  }

  byte[] toArray() {
    return out.toByteArray();
  }
}
