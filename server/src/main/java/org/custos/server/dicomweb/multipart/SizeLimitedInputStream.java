package org.custos.server.dicomweb.multipart;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limitBytes} bytes through and fails with {@link
 * MultipartException.Kind#TOO_LARGE} as soon as the source has more: a body whose length was not
 * declared (chunked) is refused while it streams, not after it was stored. Not thread-safe.
 */
public final class SizeLimitedInputStream extends FilterInputStream {
  private final long limitBytes;
  private long count;

  public SizeLimitedInputStream(InputStream in, long limitBytes) {
    super(in);
    if (limitBytes < 1) {
      throw new IllegalArgumentException("the limit must be at least 1 byte, was " + limitBytes);
    }
    this.limitBytes = limitBytes;
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    // Ask for one byte more than the limit allows, so that reaching the limit exactly is fine
    // and one byte past it is refused without reading the rest.
    long allowed = limitBytes - count + 1;
    int n = super.read(b, off, (int) Math.min(len, allowed));
    if (n > 0) {
      count += n;
      if (count > limitBytes) {
        throw new MultipartException(MultipartException.Kind.TOO_LARGE, limitBytes,
            "the body is larger than the limit of " + limitBytes + " bytes");
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
