package org.custos.storage.blob.s3;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobWriter;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one blob to S3 holding at most one part in memory. Up to one part of bytes it is a
 * single PutObject at commit; beyond, a multipart upload starts and each full part is uploaded as
 * soon as the next byte arrives, and commit uploads the rest and completes the upload. Both final
 * requests carry {@code If-None-Match: *} after a HeadObject check (see {@link S3BlobStore} on
 * servers that ignore the header). Any failure aborts the upload. Not thread-safe.
 */
final class S3BlobWriter implements BlobWriter {
  private static final int INITIAL_BUFFER_BYTES = 64 * 1024;
  private static final int MAX_PARTS = 10_000; // S3 limit per multipart upload

  private enum State {
    OPEN,
    COMMITTED,
    DISCARDED,
    FAILED
  }

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final BlobId id;
  private final String store;
  private final int partSizeBytes;
  private final Output output = new Output();
  private final List<CompletedPart> parts = new ArrayList<>();
  private byte[] buffer;
  private int filled;
  private String uploadId;
  private State state = State.OPEN;
  private StorageException failure;

  S3BlobWriter(
      S3Client s3, String bucket, String key, BlobId id, String store, int partSizeBytes) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.id = id;
    this.store = store;
    this.partSizeBytes = partSizeBytes;
    this.buffer = new byte[Math.min(INITIAL_BUFFER_BYTES, partSizeBytes)];
  }

  @Override
  public OutputStream stream() {
    return output;
  }

  @Override
  public void commit() {
    requireOpen();
    String operation = "HeadObject";
    try {
      if (objectExists()) {
        throw fail(alreadyExists(null));
      }
      if (uploadId == null) {
        operation = "PutObject";
        long length = filled;
        s3.putObject(
            b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentLength(length), body());
      } else {
        uploadPart(); // the rest: at least one byte, a part is only sent when more bytes follow
        operation = "CompleteMultipartUpload";
        s3.completeMultipartUpload(
            b ->
                b.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .ifNoneMatch("*")
                    .multipartUpload(m -> m.parts(parts)));
      }
    } catch (SdkException e) {
      if (S3Failures.isPreconditionFailed(e) || S3Failures.isConflict(e)) {
        throw fail(alreadyExists(e));
      }
      throw fail(S3Failures.storage(store, operation, id, e));
    }
    state = State.COMMITTED;
    buffer = null;
  }

  @Override
  public void close() {
    if (state != State.OPEN) {
      return;
    }
    state = State.DISCARDED;
    buffer = null;
    if (uploadId != null) {
      try {
        abort();
      } catch (SdkException e) {
        throw S3Failures.storage(
            store, "AbortMultipartUpload (left for sweepIncomplete)", id, e);
      }
    }
  }

  private boolean objectExists() {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (SdkException e) {
      if (S3Failures.isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  private StorageException alreadyExists(SdkException cause) {
    return new StorageException(
        "blob " + id + " already exists in " + store + "; it is never overwritten", cause);
  }

  private void uploadPart() {
    if (parts.size() == MAX_PARTS) {
      throw fail(new StorageException(
          "blob " + id + " exceeds " + MAX_PARTS + " parts of " + partSizeBytes + " bytes"));
    }
    String operation = "CreateMultipartUpload";
    try {
      if (uploadId == null) {
        uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
      }
      operation = "UploadPart";
      int number = parts.size() + 1;
      long length = filled;
      String etag =
          s3.uploadPart(
                  b ->
                      b.bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(number)
                          .contentLength(length),
                  body())
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      filled = 0;
    } catch (SdkException e) {
      throw fail(S3Failures.storage(store, operation, id, e));
    }
  }

  /** The buffered bytes without a copy; the SDK may ask for the stream again when it retries. */
  private RequestBody body() {
    byte[] bytes = buffer;
    int length = filled;
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream");
  }

  private void abort() {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      if (!S3Failures.isNotFound(e)) {
        throw e;
      }
    }
  }

  private StorageException fail(StorageException cause) {
    state = State.FAILED;
    failure = cause;
    buffer = null;
    if (uploadId != null) {
      try {
        abort();
      } catch (SdkException e) {
        cause.addSuppressed(e);
      }
    }
    return cause;
  }

  private void requireOpen() {
    switch (state) {
      case OPEN -> {}
      case FAILED -> throw new StorageException(
          "blob " + id + " in " + store + " cannot be committed: an earlier write failed", failure);
      case COMMITTED -> throw new IllegalStateException("blob " + id + " is already committed");
      case DISCARDED -> throw new IllegalStateException("writer of blob " + id + " is closed");
    }
  }

  /** Fills the part buffer, growing it up to one part; uploads a full part when more follows. */
  private final class Output extends OutputStream {
    @Override
    public void write(int b) {
      requireOpen();
      if (filled == partSizeBytes) {
        uploadPart();
      }
      ensureCapacity(filled + 1);
      buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      requireOpen();
      int position = offset;
      int remaining = length;
      while (remaining > 0) {
        if (filled == partSizeBytes) {
          uploadPart();
        }
        int n = Math.min(remaining, partSizeBytes - filled);
        ensureCapacity(filled + n);
        System.arraycopy(bytes, position, buffer, filled, n);
        filled += n;
        position += n;
        remaining -= n;
      }
    }

    /** Does not discard the blob: {@link BlobWriter#close()} and commit decide its fate. */
    @Override
    public void close() {}

    private void ensureCapacity(int needed) {
      if (needed > buffer.length) {
        int grown = (int) Math.min(partSizeBytes, Math.max(needed, 2L * buffer.length));
        byte[] larger = new byte[grown];
        System.arraycopy(buffer, 0, larger, 0, filled);
        buffer = larger;
      }
    }
  }
}
