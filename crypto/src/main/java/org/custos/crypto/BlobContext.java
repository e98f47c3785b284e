package org.custos.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a blob is bound to: the archive, the SOP Instance UID and the version of that instance.
 * Its {@link #associatedData()} goes into the streaming AEAD, so a blob moved to another
 * instance, version or archive does not decrypt. Prints without the UID.
 */
public record BlobContext(String archiveId, String sopInstanceUid, int version) {
  public BlobContext {
    Objects.requireNonNull(archiveId, "archiveId");
    Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    if (archiveId.isEmpty() || sopInstanceUid.isEmpty()) {
      throw new IllegalArgumentException("archive id and SOP Instance UID must not be empty");
    }
    if (version < 1) {
      throw new IllegalArgumentException("instance version must be >= 1, was " + version);
    }
  }

  /** Canonical bytes: "custos-blob-ad/1" NUL archiveId NUL sopInstanceUid NUL version (decimal). */
  public byte[] associatedData() {
    return ("custos-blob-ad/1\0" + archiveId + '\0' + sopInstanceUid + '\0' + version).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "BlobContext[archive=" + archiveId + ", version=" + version + "]";
  }
}
