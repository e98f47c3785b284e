package org.custos.storage.blob.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A read-only channel over one object: each read outside the buffered window issues one ranged
 * GET of {@code readAheadBytes} (less at the end). Every GET carries {@code If-Match} with the
 * ETag seen when the channel was opened, so all reads come from one version of the object; a
 * changed or deleted object fails the read with a {@link StorageException} instead of mixing
 * bytes. Not thread-safe, like any channel with a position.
 */
final class S3BlobChannel implements SeekableByteChannel {
  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final BlobId id;
  private final String store;
  private final long size;
  private final String etag;
  private final byte[] window;
  private long windowStart;
  private int windowLength;
  private long position;
  private boolean open = true;

  S3BlobChannel(
      S3Client s3,
      String bucket,
      String key,
      BlobId id,
      String store,
      long size,
      String etag,
      int readAheadBytes) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.id = id;
    this.store = store;
    this.size = size;
    this.etag = etag;
    this.window = new byte[(int) Math.min(readAheadBytes, Math.max(size, 1))];
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    requireOpen();
    if (position >= size) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position < windowStart || position >= windowStart + windowLength) {
      fill(position);
    }
    int offset = (int) (position - windowStart);
    int n = Math.min(dst.remaining(), windowLength - offset);
    dst.put(window, offset, n);
    position += n;
    return n;
  }

  private void fill(long start) {
    int length = (int) Math.min(window.length, size - start);
    String range = "bytes=" + start + "-" + (start + length - 1);
    windowLength = 0;
    try (InputStream in =
        s3.getObject(b -> b.bucket(bucket).key(key).range(range).ifMatch(etag))) {
      int read = in.readNBytes(window, 0, length);
      if (read != length) {
        throw new StorageException(
            "ranged GET of blob " + id + " in " + store + " returned " + read + " of " + length
                + " bytes at offset " + start);
      }
    } catch (SdkException e) {
      if (S3Failures.isNotFound(e)) {
        throw S3Failures.notFound(store, id);
      }
      throw S3Failures.storage(store, "GetObject " + range, id, e);
    } catch (IOException e) {
      throw new StorageException(
          "ranged GET of blob " + id + " in " + store + " failed at offset " + start, e);
    }
    windowStart = start;
    windowLength = length;
  }

  @Override
  public long position() throws IOException {
    requireOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    requireOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("position must be >= 0, was " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    requireOpen();
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void requireOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
