package org.custos.storage.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobStore;
import org.custos.storage.blob.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The contract against S3Proxy 2.6 in this JVM (filesystem provider, loopback only). Each test
 * gets its own key prefix in one bucket, so listings and sweeps see only that test's objects.
 */
class S3BlobStoreIT extends BlobStoreContract {
  private static final String BUCKET = "custos-blobs";

  @TempDir static Path baseDirectory;
  private static S3ProxyServer server;
  private static S3Client inspector;

  private String prefix;

  @BeforeAll
  static void startS3Proxy() throws Exception {
    server = S3ProxyServer.start(baseDirectory);
    inspector = server.client();
    inspector.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stopS3Proxy() throws Exception {
    inspector.close();
    server.close();
  }

  @Override
  protected BlobStore newStore() {
    prefix = "test-" + UUID.randomUUID() + "/";
    return reopen();
  }

  @Override
  protected BlobStore reopen() {
    return S3BlobStore.connect(server.config(BUCKET).keyPrefix(prefix).build());
  }

  @Override
  protected int leftovers() {
    return inspector.listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix)).uploads().size();
  }

  @Test
  void objectKey_isThePrefixAndTheId() throws IOException {
    BlobId id = BlobId.random();
    write(id, 1, 5);
    assertThat(inspector.headObject(b -> b.bucket(BUCKET).key(prefix + id.value())).contentLength())
        .isEqualTo(5);
  }

  @Test
  void describe_andConfig_carryNoSecret() {
    assertThat(store.describe())
        .contains("s3://" + BUCKET + "/" + prefix)
        .contains(server.endpoint().toString())
        .doesNotContain(S3ProxyServer.CREDENTIAL)
        .doesNotContain(S3ProxyServer.IDENTITY);
    assertThat(server.config(BUCKET).build().toString())
        .doesNotContain(S3ProxyServer.CREDENTIAL)
        .doesNotContain(S3ProxyServer.IDENTITY);
  }

  @Test
  void connect_toAMissingBucket_failsWithStorageException() {
    assertThatThrownBy(() -> S3BlobStore.connect(server.config("no-such-bucket").build()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("HeadBucket")
        .hasMessageContaining("404");
  }

  @Test
  void wrongSecret_failsWithStorageException_thatDoesNotEchoIt() {
    String wrong = "wrong-secret-0123456789";
    S3BlobStoreConfig config =
        S3BlobStoreConfig.builder(BUCKET, S3ProxyServer.REGION)
            .endpoint(server.endpoint())
            .pathStyle(true)
            .credentials(S3Credentials.of(S3ProxyServer.IDENTITY, wrong))
            .build();
    assertThatThrownBy(() -> S3BlobStore.connect(config))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("403")
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(wrong));
  }

  @Test
  void channel_failsRatherThanMixVersions_whenTheObjectIsReplacedUnderIt() throws IOException {
    BlobId id = BlobId.random();
    write(id, 1, 3 * MIB);
    try (SeekableByteChannel channel = store.openChannel(id)) {
      channel.read(ByteBuffer.allocate(10));
      String key = prefix + id.value();
      inspector.deleteObject(b -> b.bucket(BUCKET).key(key));
      inspector.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(new byte[3 * MIB]));

      channel.position(2L * MIB);
      assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(10)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("412");
    }
  }

  /**
   * S3Proxy 2.6 ignores {@code If-None-Match: *} on PutObject and replaces the object (AWS S3
   * answers 412). The store's HeadObject check is what keeps blobs from being overwritten here;
   * when this test fails after an upgrade, S3Proxy enforces the header and the check-then-write
   * window described in {@link S3BlobStore} is closed on it too.
   */
  @Test
  void s3proxy26_ignoresIfNoneMatchOnPut() {
    String key = prefix + "probe";
    inspector.putObject(b -> b.bucket(BUCKET).key(key).ifNoneMatch("*"), RequestBody.fromString("1"));
    Throwable second =
        catchThrowable(
            () ->
                inspector.putObject(
                    b -> b.bucket(BUCKET).key(key).ifNoneMatch("*"), RequestBody.fromString("22")));
    assertThat(second).isNull();
    assertThat(inspector.headObject(b -> b.bucket(BUCKET).key(key)).contentLength()).isEqualTo(2);
  }

  /**
   * S3Proxy 2.6 answers ListMultipartUploads with the time of the listing as every upload's
   * Initiated, so {@code sweepIncomplete(olderThanMillis > 0)} finds nothing there; only AWS and
   * servers that report the true time make age-limited sweeps work.
   */
  @Test
  void s3proxy26_reportsEveryUploadAsInitiatedNow() throws InterruptedException {
    String key = prefix + BlobId.random().value();
    String uploadId =
        inspector.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    Instant created = Instant.now();
    Thread.sleep(1_100);

    Instant initiated =
        inspector.listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix)).uploads().get(0)
            .initiated();
    assertThat(initiated).isAfter(created.plusSeconds(1));
    assertThat(store.sweepIncomplete(1_000)).isZero();
    inspector.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId));
  }

  private static String stackTraceOf(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
