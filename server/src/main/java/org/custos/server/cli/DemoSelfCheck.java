package org.custos.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.custos.server.http.WebServer;

/**
 * {@code custos demo --exit-after-start}: proves the demo server works the way a client would use
 * it, then the demo stops — HTTPS trusting only the printed certificate, readiness, a sample
 * stored through STOW-RS with the demo key, and the same request refused without it. For tests
 * and for a quick check of an installation.
 */
final class DemoSelfCheck {
  private DemoSelfCheck() {}

  /** One line per check; throws {@link CliFailure} on the first that fails. */
  static List<String> run(WebServer server, String apiKey, Path sample) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().sslContext(pinned(server)).connectTimeout(Duration.ofSeconds(10)).build();
    List<String> lines = new ArrayList<>();
    URI base = server.httpsUrl();
    HttpResponse<String> ready = client.send(HttpRequest.newBuilder(base.resolve("/readyz")).build(),
        HttpResponse.BodyHandlers.ofString());
    expect(ready, 200, "GET /readyz over HTTPS");
    lines.add("HTTPS " + ready.version() + ", certificate pinned by its SHA-256: GET /readyz -> " + ready.statusCode());
    String boundary = "custos-demo-self-check";
    byte[] dicom = Files.readAllBytes(sample);
    byte[] head = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + dicom.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(dicom, 0, body, head.length, dicom.length);
    System.arraycopy(tail, 0, body, head.length + dicom.length, tail.length);
    HttpRequest.Builder stow = HttpRequest.newBuilder(base.resolve("/dicom-web/studies"))
        .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
        .header("Accept", "application/dicom+json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> anonymous = client.send(stow.build(), HttpResponse.BodyHandlers.ofString());
    expect(anonymous, 401, "STOW-RS without a key");
    lines.add("STOW-RS without a key -> " + anonymous.statusCode());
    HttpResponse<String> stored = client.send(stow.header("Authorization", "Bearer " + apiKey).build(),
        HttpResponse.BodyHandlers.ofString());
    expect(stored, 200, "STOW-RS of a sample with the demo key");
    lines.add("STOW-RS of a sample with the demo key -> " + stored.statusCode() + " "
        + stored.headers().firstValue("Content-Type").orElse(""));
    return lines;
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new CliFailure("self-check failed: " + what + " answered " + response.statusCode() + ", expected " + status);
    }
  }

  private static SSLContext pinned(WebServer server) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("custos", server.tls().certificate());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new CliFailure("self-check: cannot trust the server's certificate: " + e.getClass().getSimpleName());
    }
  }
}
