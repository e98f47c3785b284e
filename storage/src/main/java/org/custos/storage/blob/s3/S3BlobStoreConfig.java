package org.custos.storage.blob.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how {@link S3BlobStore} keeps its blobs. Validated at construction; built once at
 * start-up with {@link #builder(String, String)}. Immutable; {@code toString()} shows no secret
 * because {@link S3Credentials} does not print itself.
 *
 * @param endpoint an S3-compatible endpoint (MinIO, S3Proxy, Ceph…); empty for AWS itself. Must
 *     be http or https without user info, query or fragment (so it never carries a secret).
 * @param region the signing region, e.g. {@code eu-central-1}
 * @param bucket an existing bucket (S3 naming rules: 3 to 63 of a-z, 0-9, '.', '-')
 * @param keyPrefix prepended to every blob id to form the object key, e.g. {@code custos/blobs/};
 *     may be empty; at most 512 characters, no leading '/'
 * @param pathStyle address the bucket in the path ({@code host/bucket/key}) rather than the host
 *     name; most S3-compatible servers need it
 * @param credentials a static key; empty to use the SDK's default chain (environment, profile,
 *     container or instance role)
 * @param partSizeBytes multipart part size, which is also the most a writer buffers: from 5 MiB
 *     (the S3 minimum) to 512 MiB; 10,000 parts cap a blob at 10,000 times this
 * @param readAheadBytes how much one ranged GET of {@link S3BlobStore#openChannel} fetches: from 4
 *     KiB to 64 MiB
 */
public record S3BlobStoreConfig(
    Optional<URI> endpoint,
    String region,
    String bucket,
    String keyPrefix,
    boolean pathStyle,
    Optional<S3Credentials> credentials,
    int partSizeBytes,
    int readAheadBytes) {

  public static final int MIN_PART_SIZE_BYTES = 5 * 1024 * 1024;
  public static final int MAX_PART_SIZE_BYTES = 512 * 1024 * 1024;
  public static final int DEFAULT_PART_SIZE_BYTES = 8 * 1024 * 1024;
  public static final int MIN_READ_AHEAD_BYTES = 4 * 1024;
  public static final int MAX_READ_AHEAD_BYTES = 64 * 1024 * 1024;
  public static final int DEFAULT_READ_AHEAD_BYTES = 1024 * 1024;

  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final int MAX_PREFIX_CHARS = 512;

  public S3BlobStoreConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(credentials, "credentials");
    endpoint.ifPresent(S3BlobStoreConfig::checkEndpoint);
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "S3 region must be 1 to 64 of A-Z, a-z, 0-9, '_', '-', was '" + region + "'");
    }
    if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw new IllegalArgumentException(
          "S3 bucket must be 3 to 63 of a-z, 0-9, '.', '-', starting and ending with a letter or"
              + " digit, was '" + bucket + "'");
    }
    if (keyPrefix.length() > MAX_PREFIX_CHARS
        || keyPrefix.startsWith("/")
        || keyPrefix.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "S3 key prefix must be at most " + MAX_PREFIX_CHARS
              + " characters without a leading '/' or control characters");
    }
    if (partSizeBytes < MIN_PART_SIZE_BYTES || partSizeBytes > MAX_PART_SIZE_BYTES) {
      throw new IllegalArgumentException(
          "partSizeBytes must be in [" + MIN_PART_SIZE_BYTES + ", " + MAX_PART_SIZE_BYTES
              + "], was " + partSizeBytes);
    }
    if (readAheadBytes < MIN_READ_AHEAD_BYTES || readAheadBytes > MAX_READ_AHEAD_BYTES) {
      throw new IllegalArgumentException(
          "readAheadBytes must be in [" + MIN_READ_AHEAD_BYTES + ", " + MAX_READ_AHEAD_BYTES
              + "], was " + readAheadBytes);
    }
  }

  private static void checkEndpoint(URI endpoint) {
    String scheme = endpoint.getScheme();
    if (!endpoint.isAbsolute()
        || !("http".equals(scheme) || "https".equals(scheme))
        || endpoint.getHost() == null) {
      throw new IllegalArgumentException("S3 endpoint must be an http or https URL with a host");
    }
    if (endpoint.getRawUserInfo() != null
        || endpoint.getRawQuery() != null
        || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "S3 endpoint must not carry user info, a query or a fragment; pass credentials apart");
    }
  }

  public static Builder builder(String bucket, String region) {
    return new Builder(bucket, region);
  }

  /** Collects the optional settings; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final String bucket;
    private final String region;
    private URI endpoint;
    private String keyPrefix = "";
    private boolean pathStyle;
    private S3Credentials credentials;
    private int partSizeBytes = DEFAULT_PART_SIZE_BYTES;
    private int readAheadBytes = DEFAULT_READ_AHEAD_BYTES;

    private Builder(String bucket, String region) {
      this.bucket = bucket;
      this.region = region;
    }

    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    public Builder credentials(S3Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    public Builder partSizeBytes(int partSizeBytes) {
      this.partSizeBytes = partSizeBytes;
      return this;
    }

    public Builder readAheadBytes(int readAheadBytes) {
      this.readAheadBytes = readAheadBytes;
      return this;
    }

    public S3BlobStoreConfig build() {
      return new S3BlobStoreConfig(
          Optional.ofNullable(endpoint),
          region,
          bucket,
          keyPrefix,
          pathStyle,
          Optional.ofNullable(credentials),
          partSizeBytes,
          readAheadBytes);
    }
  }
}
