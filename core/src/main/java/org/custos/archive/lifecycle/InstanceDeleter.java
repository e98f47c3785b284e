package org.custos.archive.lifecycle;

import java.util.List;
import org.custos.archive.ArchiveContext;
import org.custos.archive.NotFoundException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.ArchiveEvent;
import org.custos.crypto.BlindIndexDomain;

/**
 * Deletes every version of an instance: the index rows first (one transaction, with the event),
 * then the blobs. A crash between the two leaves orphan blobs, which recovery removes; never an
 * index row without its blob.
 */
public final class InstanceDeleter {
  private final ArchiveContext context;

  public InstanceDeleter(ArchiveContext context) {
    this.context = context;
  }

  /** @return how many versions were deleted */
  public int delete(String sopInstanceUid) {
    byte[] token = context.keys().token(BlindIndexDomain.SOP_INSTANCE_UID, sopInstanceUid);
    List<BlobId> blobs = context.index().write(session -> {
      List<BlobId> ids = session.deleteInstance(token);
      if (ids.isEmpty()) {
        throw new NotFoundException("no such instance");
      }
      session.recordEvent(ArchiveEvent.of(context.clock().instant(), ArchiveEvent.Kind.INSTANCE_DELETED,
          ids.get(0).value(), ids.size() + " version(s) deleted"));
      return ids;
    });
    blobs.forEach(context.blobs()::delete);
    return blobs.size();
  }
}
