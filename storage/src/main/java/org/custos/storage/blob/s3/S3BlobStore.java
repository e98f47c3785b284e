package org.custos.storage.blob.s3;

import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobInfo;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.blob.BlobWriter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Blobs as S3 objects named {@code keyPrefix + blobId}, through the AWS SDK v2.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Writes stream: a writer holds at most one part ({@link S3BlobStoreConfig#partSizeBytes},
 *       8 MiB by default) in memory. A blob up to one part is one PutObject at commit; a larger
 *       one is a multipart upload completed at commit. Once commit returns, S3 has acknowledged
 *       the object, which S3 stores durably; before that, no object exists under the key.
 *   <li>{@code close()} without commit aborts the multipart upload; a writer that never closes
 *       (a crash) leaves an upload that {@link #sweepIncomplete} aborts.
 *   <li>No overwrite: commit first checks with HeadObject and then sends the final request with
 *       {@code If-None-Match: *}, which S3 (since August 2024) and MinIO enforce atomically: of
 *       two writers racing for one key, one gets 412 and fails.
 *   <li>{@link #openChannel} reads ranges of {@link S3BlobStoreConfig#readAheadBytes} pinned to
 *       the ETag seen at open.
 *   <li>Failures: a missing object is a {@link org.custos.archive.NotFoundException}; any other
 *       SDK failure a {@link StorageException} naming the S3 operation, the blob id, the HTTP
 *       status and S3 error code. Neither messages nor {@link #describe()} carry credentials.
 * </ul>
 *
 * <p>Full disclosure: servers that ignore {@code If-None-Match} on writes (S3Proxy 2.6 does, see
 * {@code S3BlobStoreIT}) leave a window between the HeadObject check and the final request in
 * which a concurrent writer of the same id would be replaced. Ids are 128 random bits, so only a
 * bug or an attacker with write access produces such a race. S3Proxy 2.6 also reports every
 * multipart upload as initiated "now", so age-limited sweeps find nothing there. Request
 * checksums are sent only when an operation requires them: the SDK's default (CRC32 in an
 * aws-chunked trailer) is rejected by S3Proxy and several other S3-compatible servers, TLS
 * protects the transfer, and blobs are sealed with an AEAD, so corruption at rest is detected
 * when they are decrypted.
 *
 * <p>Threading: thread-safe; the SDK client and its connection pool are shared by all calls.
 * {@link #close()} closes the client; later calls fail.
 */
public final class S3BlobStore implements BlobStore {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  private final S3Client s3;
  private final AwsCredentialsProvider credentials;
  private final S3BlobStoreConfig config;
  private final String description;

  private S3BlobStore(
      S3Client s3, AwsCredentialsProvider credentials, S3BlobStoreConfig config) {
    this.s3 = s3;
    this.credentials = credentials;
    this.config = config;
    this.description = describe(config);
  }

  /**
   * Builds the client and checks that the bucket is reachable (HeadBucket).
   *
   * @throws StorageException when the bucket is missing, forbidden or unreachable
   */
  public static S3BlobStore connect(S3BlobStoreConfig config) {
    Objects.requireNonNull(config, "config");
    AwsCredentialsProvider credentials = credentials(config);
    S3BlobStore store = new S3BlobStore(client(config, credentials), credentials, config);
    try {
      store.s3.headBucket(b -> b.bucket(config.bucket()));
    } catch (SdkException e) {
      store.close();
      throw S3Failures.storage(store.description, "HeadBucket", e);
    }
    return store;
  }

  private static AwsCredentialsProvider credentials(S3BlobStoreConfig config) {
    return config
        .credentials()
        .<AwsCredentialsProvider>map(
            c ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  private static S3Client client(S3BlobStoreConfig config, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(config.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(config.pathStyle())
            .httpClientBuilder(ApacheHttpClient.builder())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    config.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static String describe(S3BlobStoreConfig config) {
    return "s3://" + config.bucket() + "/" + config.keyPrefix()
        + config.endpoint().map(e -> " at " + e).orElse("")
        + " (" + config.region() + ")";
  }

  @Override
  public BlobWriter create(BlobId id) {
    return new S3BlobWriter(
        s3, config.bucket(), key(id), id, description, config.partSizeBytes());
  }

  @Override
  public InputStream open(BlobId id) {
    try {
      return s3.getObject(b -> b.bucket(config.bucket()).key(key(id)));
    } catch (SdkException e) {
      throw translate("GetObject", id, e);
    }
  }

  @Override
  public SeekableByteChannel openChannel(BlobId id) {
    HeadObjectResponse head = head(id);
    return new S3BlobChannel(
        s3,
        config.bucket(),
        key(id),
        id,
        description,
        head.contentLength(),
        head.eTag(),
        config.readAheadBytes());
  }

  @Override
  public boolean exists(BlobId id) {
    try {
      s3.headObject(b -> b.bucket(config.bucket()).key(key(id)));
      return true;
    } catch (SdkException e) {
      if (S3Failures.isNotFound(e)) {
        return false;
      }
      throw S3Failures.storage(description, "HeadObject", id, e);
    }
  }

  @Override
  public long size(BlobId id) {
    return head(id).contentLength();
  }

  /** DeleteObject, which S3 answers alike whether or not the key existed. */
  @Override
  public void delete(BlobId id) {
    try {
      s3.deleteObject(b -> b.bucket(config.bucket()).key(key(id)));
    } catch (SdkException e) {
      throw S3Failures.storage(description, "DeleteObject", id, e);
    }
  }

  /** Pages through ListObjectsV2 lazily; keys that are not a blob id are skipped. */
  @Override
  public Stream<BlobInfo> list() {
    return S3Listing.stream(s3, config.bucket(), config.keyPrefix(), description);
  }

  /**
   * Aborts multipart uploads under the key prefix initiated at least {@code olderThanMillis} ago
   * (by the server's clock). Choose a limit well beyond the longest write; an aborted live writer
   * fails at commit.
   */
  @Override
  public int sweepIncomplete(long olderThanMillis) {
    if (olderThanMillis < 0) {
      throw new IllegalArgumentException("olderThanMillis must be >= 0, was " + olderThanMillis);
    }
    ListMultipartUploadsRequest request =
        ListMultipartUploadsRequest.builder()
            .bucket(config.bucket())
            .prefix(config.keyPrefix())
            .build();
    int removed = 0;
    try {
      while (true) {
        ListMultipartUploadsResponse page = s3.listMultipartUploads(request);
        // Taken after the answer: an upload listed as initiated "now" is 0 ms old, not younger.
        Instant cutoff = Instant.now().minusMillis(olderThanMillis);
        for (MultipartUpload upload : page.uploads()) {
          if (isBlobKey(upload.key())
              && upload.initiated() != null
              && !upload.initiated().isAfter(cutoff)
              && abort(upload)) {
            removed++;
          }
        }
        if (!Boolean.TRUE.equals(page.isTruncated())) {
          return removed;
        }
        request =
            request.toBuilder()
                .keyMarker(page.nextKeyMarker())
                .uploadIdMarker(page.nextUploadIdMarker())
                .build();
      }
    } catch (SdkException e) {
      throw S3Failures.storage(
          description, "sweep (ListMultipartUploads/AbortMultipartUpload) after " + removed, e);
    }
  }

  private boolean abort(MultipartUpload upload) {
    try {
      s3.abortMultipartUpload(
          b -> b.bucket(config.bucket()).key(upload.key()).uploadId(upload.uploadId()));
      return true;
    } catch (SdkException e) {
      if (S3Failures.isNotFound(e)) {
        return false; // completed or aborted meanwhile
      }
      throw e;
    }
  }

  @Override
  public String describe() {
    return description;
  }

  /** Closes the client, its connection pool and the default credential chain if it was used. */
  @Override
  public void close() {
    try {
      s3.close();
    } finally {
      if (credentials instanceof SdkAutoCloseable closeable) {
        closeable.close(); // the client only closes what it created itself
      }
    }
  }

  @Override
  public String toString() {
    return "S3BlobStore[" + description + "]";
  }

  private boolean isBlobKey(String key) {
    return key.startsWith(config.keyPrefix())
        && ID.matcher(key.substring(config.keyPrefix().length())).matches();
  }

  private String key(BlobId id) {
    return config.keyPrefix() + Objects.requireNonNull(id, "id").value();
  }

  private HeadObjectResponse head(BlobId id) {
    try {
      return s3.headObject(b -> b.bucket(config.bucket()).key(key(id)));
    } catch (SdkException e) {
      throw translate("HeadObject", id, e);
    }
  }

  private RuntimeException translate(String operation, BlobId id, SdkException e) {
    if (S3Failures.isNotFound(e)) {
      return S3Failures.notFound(description, id);
    }
    return S3Failures.storage(description, operation, id, e);
  }
}
