package org.custos.archive.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.custos.archive.ArchiveContext;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobInfo;
import org.custos.archive.index.ArchiveEvent;

/**
 * Startup recovery after a crash: removes unfinished blob writes and committed blobs that no
 * index row refers to (an ingest killed between blob commit and index commit, or a delete killed
 * between its two steps). Only blobs older than {@code grace} are touched, so that ingests of
 * other nodes in flight are left alone; a single embedded process passes zero.
 */
public final class Recovery {
  /** What recovery removed. */
  public record Result(int incompleteWrites, int orphanBlobs) {}

  private final ArchiveContext context;

  public Recovery(ArchiveContext context) {
    this.context = context;
  }

  public Result recover(Duration grace) {
    int incomplete = context.blobs().sweepIncomplete(grace.toMillis());
    Instant cutoff = context.clock().instant().minus(grace);
    List<BlobId> orphans = new ArrayList<>();
    try (Stream<BlobInfo> blobs = context.blobs().list()) {
      blobs.filter(blob -> !blob.lastModified().isAfter(cutoff))
          .filter(blob -> !context.index().read(session -> session.blobReferenced(blob.id())))
          .forEach(blob -> orphans.add(blob.id()));
    }
    for (BlobId orphan : orphans) {
      context.blobs().delete(orphan);
      context.index().write(session -> session.recordEvent(ArchiveEvent.of(context.clock().instant(),
          ArchiveEvent.Kind.ORPHAN_BLOB_REMOVED, orphan.value(), "blob without index row removed at startup")));
    }
    return new Result(incomplete, orphans.size());
  }
}
