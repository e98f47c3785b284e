package org.custos.archive.blob;

import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.stream.Stream;

/**
 * Stores opaque (already encrypted) blobs by random id. Implementations: {@code FileBlobStore}
 * (default) and {@code S3BlobStore}. Thread-safe. Errors are
 * {@link org.custos.archive.StorageException}s; a missing blob is a
 * {@link org.custos.archive.NotFoundException}.
 */
public interface BlobStore extends AutoCloseable {
  /** Starts writing a new blob. An existing blob with that id is never overwritten: commit fails. */
  BlobWriter create(BlobId id);

  InputStream open(BlobId id);

  /** Random access for range reads (frames); the channel is read-only. */
  SeekableByteChannel openChannel(BlobId id);

  boolean exists(BlobId id);

  long size(BlobId id);

  /** Removes the blob if present; idempotent. */
  void delete(BlobId id);

  /** Every committed blob; the stream must be closed. */
  Stream<BlobInfo> list();

  /**
   * Removes leftovers of writes that never committed (temp files, unfinished multipart uploads)
   * older than {@code olderThanMillis}. Returns how many were removed.
   */
  int sweepIncomplete(long olderThanMillis);

  /** A short description for logs and `custos ls` (kind and location, no secrets). */
  String describe();

  @Override
  void close();
}
