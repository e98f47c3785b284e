package org.custos.archive;

import java.time.Clock;
import java.util.Objects;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.keys.ArchiveKeys;
import org.custos.archive.log.TransparencyLog;
import org.custos.crypto.BlobCipher;

/**
 * What every part of the archive service works with: the archive's id (bound into every blob),
 * the blob store, the index, the keys, the blob format, the clock and the transparency log.
 */
public record ArchiveContext(
    String archiveId, BlobStore blobs, ArchiveIndex index, ArchiveKeys keys, BlobCipher cipher, Clock clock,
    TransparencyLog log) {
  public ArchiveContext {
    Objects.requireNonNull(archiveId, "archiveId");
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(log, "log");
  }
}
