package org.custos.crypto;

import java.io.IOException;
import java.io.InputStream;

/**
 * The plaintext of a blob: Tink's decrypting stream with its authentication failures (which Tink
 * reports as {@link IOException}) turned into {@link IntegrityException}s that name the failing
 * segment. Reads stop at segment boundaries, so a read that fails started at the failing
 * segment. Source I/O errors stay {@link IOException}s. Not thread-safe.
 */
final class PlaintextInputStream extends InputStream {
  private final InputStream plaintext;
  private final CiphertextInputStream ciphertext;
  private final SegmentLayout layout;
  private long offset;

  PlaintextInputStream(InputStream plaintext, CiphertextInputStream ciphertext, SegmentLayout layout) {
    this.plaintext = plaintext;
    this.ciphertext = ciphertext;
    this.layout = layout;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    try {
      int n = plaintext.read(b, off, layout.room(offset, len));
      if (n > 0) {
        offset += n;
      }
      return n;
    } catch (IOException e) {
      if (ciphertext.failed()) {
        throw e;
      }
      throw failure(e);
    }
  }

  @Override
  public int available() throws IOException {
    return plaintext.available();
  }

  @Override
  public void close() throws IOException {
    plaintext.close();
  }

  private IntegrityException failure(IOException cause) {
    if (ciphertext.reachedEnd()) {
      return new IntegrityException("blob body: final " + layout.describe(offset)
          + " does not authenticate: the blob is truncated or was edited", cause);
    }
    return new IntegrityException("blob body: " + layout.describe(offset)
        + " does not authenticate: edited, reordered, or a blob of another instance", cause);
  }
}
