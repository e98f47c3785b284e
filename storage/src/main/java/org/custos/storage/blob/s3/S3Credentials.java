package org.custos.storage.blob.s3;

import java.util.Objects;

/**
 * A static access key for S3. Holds the secret without ever printing it: {@link #toString()}
 * shows neither the key id nor the secret. Immutable and thread-safe.
 */
public final class S3Credentials {
  private final String accessKeyId;
  private final String secretAccessKey;

  private S3Credentials(String accessKeyId, String secretAccessKey) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
  }

  /** @throws IllegalArgumentException when either part is blank */
  public static S3Credentials of(String accessKeyId, String secretAccessKey) {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("S3 access key id and secret must not be blank");
    }
    return new S3Credentials(accessKeyId, secretAccessKey);
  }

  String accessKeyId() {
    return accessKeyId;
  }

  String secretAccessKey() {
    return secretAccessKey;
  }

  @Override
  public String toString() {
    return "S3Credentials[redacted]";
  }
}
