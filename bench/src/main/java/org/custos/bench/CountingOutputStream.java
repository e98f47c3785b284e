package org.custos.bench;

import java.io.OutputStream;

/**
 * Counts the bytes it is given and copies each once into a small scratch buffer, as a write to
 * a file or socket copies into a kernel buffer; a sink that only counted would let a writer that
 * hands over large arrays look free. Nothing is kept.
 */
final class CountingOutputStream extends OutputStream {
  private final byte[] scratch = new byte[64 * 1024];
  private long count;

  @Override
  public void write(int b) {
    scratch[(int) (count++ & (scratch.length - 1))] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    int done = 0;
    while (done < len) {
      int n = Math.min(len - done, scratch.length);
      System.arraycopy(b, off + done, scratch, 0, n);
      done += n;
    }
    count += len;
  }

  CountingOutputStream reset() {
    count = 0;
    return this;
  }

  long count() {
    return count;
  }
}
