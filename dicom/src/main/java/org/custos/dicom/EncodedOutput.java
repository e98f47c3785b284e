package org.custos.dicom;

import java.io.IOException;
import java.io.OutputStream;

/** Writes integers in a chosen byte order to an OutputStream, counting bytes. Not thread-safe. */
final class EncodedOutput {
  private final OutputStream out;
  private final byte[] scratch = new byte[8];
  private long written;

  EncodedOutput(OutputStream out) {
    this.out = out;
  }

  long written() {
    return written;
  }

  void u16(int value, boolean bigEndian) throws IOException {
    if (bigEndian) {
      scratch[0] = (byte) (value >>> 8);
      scratch[1] = (byte) value;
    } else {
      scratch[0] = (byte) value;
      scratch[1] = (byte) (value >>> 8);
    }
    out.write(scratch, 0, 2);
    written += 2;
  }

  void i32(int value, boolean bigEndian) throws IOException {
    if (bigEndian) {
      scratch[0] = (byte) (value >>> 24);
      scratch[1] = (byte) (value >>> 16);
      scratch[2] = (byte) (value >>> 8);
      scratch[3] = (byte) value;
    } else {
      scratch[0] = (byte) value;
      scratch[1] = (byte) (value >>> 8);
      scratch[2] = (byte) (value >>> 16);
      scratch[3] = (byte) (value >>> 24);
    }
    out.write(scratch, 0, 4);
    written += 4;
  }

  void tag(int tag, boolean bigEndian) throws IOException {
    u16(tag >>> 16, bigEndian);
    u16(tag & 0xFFFF, bigEndian);
  }

  void bytes(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    written += len;
  }

  void bytes(byte[] b) throws IOException {
    bytes(b, 0, b.length);
  }

  void flush() throws IOException {
    out.flush();
  }
}
