package org.custos.archive.blob;

import java.io.OutputStream;

/**
 * One blob being written. Nothing is visible under the blob's id until {@link #commit()} returns,
 * and after it returns the blob is durable (file system: fsync of file and directory, then atomic
 * rename; S3: the completed upload). {@link #close()} without commit discards everything written.
 * Not thread-safe.
 */
public interface BlobWriter extends AutoCloseable {
  /** Where the bytes go; do not close it, call {@link #commit()} or {@link #close()}. */
  OutputStream stream();

  /**
   * Makes the blob durable and visible.
   *
   * @throws org.custos.archive.StorageFullException when space ran out (nothing remains)
   * @throws org.custos.archive.StorageException on other failures (nothing remains)
   */
  void commit();

  /** Discards the blob unless committed. Idempotent. */
  @Override
  void close();
}
