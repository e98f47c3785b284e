package org.custos.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.custos.ledger.receipt.ConsistencyAnswer;
import org.custos.ledger.receipt.LogFormatException;
import org.custos.ledger.receipt.SuccessorsAnswer;
import org.custos.ledger.receipt.SuccessorsQuery;

/**
 * The log over HTTP(S): {@code GET {base}/log/v1/checkpoint}, {@code GET {base}/log/v1/consistency},
 * {@code POST {base}/log/v1/successors}. HTTPS uses the system trust store, or exactly one pinned
 * certificate. Transport failures and 5xx are {@link LogUnreachableException}s; other non-2xx
 * answers and malformed bodies are {@link LogAnswerException}s. Bodies are read up to 64 MiB.
 */
final class HttpLogSource implements LogSource {
  static final int MAX_BODY_BYTES = 64 << 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final HttpClient client;

  HttpLogSource(URI base, Optional<String> pinnedSha256) {
    String text = base.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER);
    if (pinnedSha256.isPresent()) {
      try {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new PinnedTrustManager(pinnedSha256.get())}, null);
        builder.sslContext(tls);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the Java platform has no TLS", e);
      }
    }
    this.client = builder.build();
  }

  @Override
  public String checkpoint() {
    return send(HttpRequest.newBuilder(URI.create(base + "/log/v1/checkpoint")).GET(), "the checkpoint");
  }

  @Override
  public ConsistencyAnswer consistency(long fromSize, long toSize) {
    String body = send(HttpRequest.newBuilder(URI.create(base + "/log/v1/consistency?from=" + fromSize + "&to=" + toSize))
        .GET(), "a consistency proof");
    try {
      return ConsistencyAnswer.parse(body);
    } catch (LogFormatException e) {
      throw new LogAnswerException("the log's consistency answer is malformed: " + e.getMessage(), e);
    }
  }

  @Override
  public SuccessorsAnswer successors(SuccessorsQuery query) {
    String body = send(HttpRequest.newBuilder(URI.create(base + "/log/v1/successors"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(query.toJson(), StandardCharsets.UTF_8)), "the successors");
    try {
      return SuccessorsAnswer.parse(body);
    } catch (LogFormatException e) {
      throw new LogAnswerException("the log's successors answer is malformed: " + e.getMessage(), e);
    }
  }

  @Override
  public String cosign(String cosignedNote) {
    return send(HttpRequest.newBuilder(URI.create(base + "/log/v1/cosignature"))
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(cosignedNote, StandardCharsets.UTF_8)), "the cosignature");
  }

  @Override
  public String describe() {
    return base;
  }

  private String send(HttpRequest.Builder request, String what) {
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new LogUnreachableException("could not reach the log at " + base + " for " + what + ": " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogUnreachableException("interrupted while asking the log at " + base, e);
    }
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new LogAnswerException("the log's answer for " + what + " exceeds " + MAX_BODY_BYTES + " bytes");
      }
      int status = response.statusCode();
      if (status >= 500) {
        throw new LogUnreachableException("the log at " + base + " answered HTTP " + status + " for " + what);
      }
      if (status != 200) {
        throw new LogAnswerException("the log at " + base + " answered HTTP " + status + " for " + what);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LogUnreachableException("the connection to the log at " + base + " broke reading " + what + ": "
          + reason(e), e);
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
