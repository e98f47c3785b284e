package org.custos.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The blob's source as Tink reads it. Remembers whether the source itself failed (so a real I/O
 * error stays an {@link IOException} and is not reported as tampering) and whether it reached its
 * end (so a failing final segment can be reported as possibly truncated). Not thread-safe.
 */
final class CiphertextInputStream extends FilterInputStream {
  private boolean failed;
  private boolean reachedEnd;

  CiphertextInputStream(InputStream source) {
    super(source);
  }

  boolean failed() {
    return failed;
  }

  boolean reachedEnd() {
    return reachedEnd;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      reachedEnd |= b < 0;
      return b;
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      reachedEnd |= n < 0;
      return n;
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
