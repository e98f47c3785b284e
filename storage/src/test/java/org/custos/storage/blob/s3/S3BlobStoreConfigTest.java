package org.custos.storage.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3BlobStoreConfigTest {
  private static final String SECRET = "s3cr3t-do-not-print";

  @Test
  void defaults_areAwsWithTheDefaultCredentialChain() {
    S3BlobStoreConfig config = S3BlobStoreConfig.builder("custos-blobs", "eu-central-1").build();
    assertThat(config.endpoint()).isEmpty();
    assertThat(config.credentials()).isEmpty();
    assertThat(config.keyPrefix()).isEmpty();
    assertThat(config.pathStyle()).isFalse();
    assertThat(config.partSizeBytes()).isEqualTo(8 * 1024 * 1024);
    assertThat(config.readAheadBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void toString_showsNeitherKeyIdNorSecret() {
    S3BlobStoreConfig config =
        S3BlobStoreConfig.builder("custos-blobs", "eu-central-1")
            .credentials(S3Credentials.of("AKIDEXAMPLE", SECRET))
            .build();
    assertThat(config.toString()).doesNotContain(SECRET).doesNotContain("AKIDEXAMPLE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "Custos", "-custos", "custos-", "cus..tos", "custos_blobs"})
  void badBucketName_isRejectedAndNamed(String bucket) {
    assertThatThrownBy(() -> S3BlobStoreConfig.builder(bucket, "us-east-1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + bucket + "'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://s3.example.org",
        "http://key:secret@s3.example.org",
        "https://s3.example.org/?token=x",
        "s3.example.org"
      })
  void endpointThatIsNotPlainHttp_isRejectedWithoutEchoingIt(String endpoint) {
    S3BlobStoreConfig.Builder builder =
        S3BlobStoreConfig.builder("custos-blobs", "us-east-1").endpoint(URI.create(endpoint));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("secret")
        .doesNotContain("token");
  }

  @Test
  void partSize_belowTheS3Minimum_isRejectedWithTheRange() {
    assertThatThrownBy(
            () ->
                S3BlobStoreConfig.builder("custos-blobs", "us-east-1")
                    .partSizeBytes(1024 * 1024)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5242880, 536870912]")
        .hasMessageContaining("1048576");
  }

  @Test
  void keyPrefix_withALeadingSlash_isRejected() {
    assertThatThrownBy(
            () -> S3BlobStoreConfig.builder("custos-blobs", "us-east-1").keyPrefix("/blobs/").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void credentials_areRequiredToBeNonBlank_andNeverPrinted() {
    assertThatThrownBy(() -> S3Credentials.of("AKIDEXAMPLE", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(S3Credentials.of("AKIDEXAMPLE", SECRET).toString())
        .isEqualTo("S3Credentials[redacted]");
  }
}
