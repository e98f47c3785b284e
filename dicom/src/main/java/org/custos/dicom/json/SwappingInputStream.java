package org.custos.dicom.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.custos.dicom.NumericValues;

/**
 * Reverses the bytes of each {@code unit}-byte value of a big-endian source, so that readers see
 * little endian (PS3.5 7.3). Reads whole units only; a trailing partial unit passes unchanged.
 */
final class SwappingInputStream extends FilterInputStream {
  private final int unit;
  private final byte[] one = new byte[1];
  private final byte[] pending;
  private int pendingPos;
  private int pendingLen;

  SwappingInputStream(InputStream in, int unit) {
    super(in);
    this.unit = unit;
    this.pending = new byte[Math.max(unit, 1) * 1024];
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pendingPos == pendingLen && !fill()) {
      return -1;
    }
    int n = Math.min(len, pendingLen - pendingPos);
    System.arraycopy(pending, pendingPos, b, off, n);
    pendingPos += n;
    return n;
  }

  private boolean fill() throws IOException {
    int n = in.readNBytes(pending, 0, pending.length);
    if (n == 0) {
      return false;
    }
    NumericValues.swap(pending, 0, n, unit);
    pendingPos = 0;
    pendingLen = n;
    return true;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n && read() >= 0) {
      skipped++;
    }
    return skipped;
  }

  @Override
  public int available() {
    return pendingLen - pendingPos;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
