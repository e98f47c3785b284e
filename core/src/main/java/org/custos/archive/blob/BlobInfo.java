package org.custos.archive.blob;

import java.time.Instant;

/** A stored blob as listed by {@link BlobStore#list()}. */
public record BlobInfo(BlobId id, long sizeBytes, Instant lastModified) {}
