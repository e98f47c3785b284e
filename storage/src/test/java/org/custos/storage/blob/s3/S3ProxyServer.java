package org.custos.storage.blob.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy in this JVM on 127.0.0.1 and a free port, backed by jclouds' filesystem provider in a
 * directory, checking AWS V2 or V4 signatures against a test key. Nothing leaves loopback.
 */
public final class S3ProxyServer implements AutoCloseable {
  static final String IDENTITY = "custos-test-access-key";
  static final String CREDENTIAL = "custos-test-secret-9f8e7d6c5b4a";
  static final String REGION = "us-east-1";

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyServer(BlobStoreContext context, S3Proxy proxy, URI endpoint) {
    this.context = context;
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  public static S3ProxyServer start(Path baseDirectory) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", baseDirectory.toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder("filesystem")
            .credentials("unused", "unused")
            .overrides(properties)
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) { // Jetty's lifecycle state, shaded in S3Proxy
      Thread.sleep(10);
    }
    return new S3ProxyServer(
        context, proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
  }

  URI endpoint() {
    return endpoint;
  }

  /** A plain client for what the tests inspect or set up behind the store's back. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
        .httpClientBuilder(ApacheHttpClient.builder())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  public S3BlobStoreConfig.Builder config(String bucket) {
    return S3BlobStoreConfig.builder(bucket, REGION)
        .endpoint(endpoint)
        .pathStyle(true)
        .credentials(S3Credentials.of(IDENTITY, CREDENTIAL));
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
