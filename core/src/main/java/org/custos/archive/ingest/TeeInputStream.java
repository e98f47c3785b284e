package org.custos.archive.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes every byte the parser consumes — read or skipped — to a sink (the encrypting blob
 * stream) and a digest (the stored-bytes seal), so the instance is parsed, sealed and encrypted
 * in one pass with bounded memory. Skips are turned into reads so that no byte escapes the seal.
 * Mark and reset are not supported. Not thread-safe.
 */
final class TeeInputStream extends FilterInputStream {
  private final OutputStream sink;
  private final MessageDigest digest;
  private final byte[] skipBuffer = new byte[64 * 1024];
  private long count;

  TeeInputStream(InputStream in, OutputStream sink, MessageDigest digest) {
    super(in);
    this.sink = sink;
    this.digest = digest;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      write(new byte[] {(byte) b}, 0, 1);
      digest.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      write(buffer, offset, n);
      digest.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long done = 0;
    while (done < n) {
      int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  private void write(byte[] buffer, int offset, int length) {
    try {
      sink.write(buffer, offset, length);
    } catch (IOException e) {
      throw new SinkFailure(e);
    }
  }

  /** Reads whatever the parser left (nothing, for a well-formed file) through the tee. */
  long drain() throws IOException {
    long before = count;
    while (read(skipBuffer, 0, skipBuffer.length) >= 0) {
      // consumed into sink and digest
    }
    return count - before;
  }

  long count() {
    return count;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {
    // The caller owns the source and the sink.
  }
}
