package org.custos.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The body of a blob as Tink's seekable decryption sees it: position 0 is the first byte after
 * the header (Tink addresses its ciphertext from position 0). Remembers whether the source failed,
 * so that real I/O errors are not reported as tampering. Read-only; not thread-safe.
 */
final class CiphertextChannel implements SeekableByteChannel {
  private final SeekableByteChannel source;
  private final long offset;
  private boolean failed;

  CiphertextChannel(SeekableByteChannel source, long offset) {
    this.source = source;
    this.offset = offset;
  }

  boolean failed() {
    return failed;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    try {
      return source.read(dst);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public long position() throws IOException {
    try {
      return source.position() - offset;
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    try {
      source.position(offset + newPosition);
      return this;
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public long size() throws IOException {
    try {
      return Math.max(0, source.size() - offset);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
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
    return source.isOpen();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
