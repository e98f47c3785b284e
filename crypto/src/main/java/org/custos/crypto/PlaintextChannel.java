package org.custos.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * Random access to a blob's plaintext: Tink's seekable decrypting channel with authentication
 * failures turned into {@link IntegrityException}s naming the failing segment (reads stop at
 * segment boundaries, so a failing read started at the failing segment). {@link #size()}
 * is derived from the ciphertext length; end-of-file (-1) is reported only after the final
 * segment authenticated, which confirms the size. Read-only; not thread-safe.
 *
 * <p>Why the end is handled here: Tink 1.19's seekable channel answers 0 rather than -1 at or
 * beyond the end unless the final segment happens to be loaded, and never loads the only segment
 * of an empty plaintext. So at the end this class reads the last plaintext byte through Tink (which
 * authenticates the final segment), or for an empty plaintext runs {@code emptyCheck}, which
 * authenticates the body with Tink's streaming decryption.
 */
final class PlaintextChannel implements SeekableByteChannel {
  /** Authenticates a body whose plaintext is empty; Tink failures surface as IOExceptions. */
  interface EmptyCheck {
    void run() throws IOException;
  }

  private final SeekableByteChannel plaintext;
  private final CiphertextChannel ciphertext;
  private final SegmentLayout layout;
  private final EmptyCheck emptyCheck;
  private boolean endVerified;

  PlaintextChannel(SeekableByteChannel plaintext, CiphertextChannel ciphertext, SegmentLayout layout, EmptyCheck emptyCheck) {
    this.plaintext = plaintext;
    this.ciphertext = ciphertext;
    this.layout = layout;
    this.emptyCheck = emptyCheck;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    long at = plaintext.position();
    long size = plaintext.size();
    try {
      if (at >= size) {
        verifyEnd(size, at);
        return -1;
      }
      ByteBuffer window = dst.slice();
      window.limit(layout.room(at, dst.remaining()));
      int n = plaintext.read(window);
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    } catch (IOException e) {
      if (ciphertext.failed()) {
        throw e;
      }
      String where = at >= size ? "final segment" : layout.describe(at);
      throw new IntegrityException("blob body: " + where
          + " does not authenticate: edited, reordered, truncated, or a blob of another instance", e);
    }
  }

  private void verifyEnd(long size, long restore) throws IOException {
    if (endVerified) {
      return;
    }
    if (size == 0) {
      emptyCheck.run();
    } else {
      ByteBuffer last = ByteBuffer.allocate(1);
      plaintext.position(size - 1);
      while (last.hasRemaining()) {
        if (plaintext.read(last) <= 0) {
          throw new IOException("final segment could not be read");
        }
      }
      plaintext.position(restore);
    }
    endVerified = true;
  }

  @Override
  public long position() throws IOException {
    return plaintext.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    if (newPosition < 0) {
      throw new IllegalArgumentException("position must be >= 0, was " + newPosition);
    }
    plaintext.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return plaintext.size();
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return plaintext.isOpen();
  }

  @Override
  public void close() throws IOException {
    plaintext.close();
  }
}
