package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.custos.server.home.CustosInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a STOW-RS upload is half sent: new requests get 503, the upload finishes and is
 * stored, then the process exits and the instance is there when the archive is opened again.
 */
class GracefulShutdownIT {
  @TempDir
  Path dir;

  @Test
  void sigterm_letsAnInFlightStowFinish_answers503ToNewRequests_thenExits() throws Exception {
    Path home = RunningServer.newHome(dir);
    RunningServer server = RunningServer.start(home);
    String key = server.apiKey(Set.of("dicom.write"), Optional.empty());
    Corpus.Fresh instance = Corpus.fresh();
    byte[] body = Stow.body(instance.bytes());
    SlowBody slow = new SlowBody(body, body.length / 2);
    HttpClient poller = server.newClient();
    assertThat(poller.send(HttpRequest.newBuilder(server.url("/healthz")).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);

    CompletableFuture<HttpResponse<String>> upload = server.client.sendAsync(
        Stow.request(server.url("/dicom-web/studies"), key).POST(HttpRequest.BodyPublishers.ofInputStream(() -> slow)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(slow.halfSent.await(30, TimeUnit.SECONDS)).isTrue();
    Path writing = home.resolve("blobs/tmp");
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (partFiles(writing) == 0 && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    assertThat(partFiles(writing)).as("the archive is writing the instance's blob").isEqualTo(1);

    server.signalTerm();
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && !seen.contains("503")) {
      try {
        HttpResponse<String> response = poller.send(HttpRequest.newBuilder(server.url("/readyz")).build(),
            HttpResponse.BodyHandlers.ofString());
        seen.add(String.valueOf(response.statusCode()));
        if (response.statusCode() == 503) {
          assertThat(Http.json(response).path("error").asText()).isEqualTo("unavailable");
          WebServerIT.assertSecurityHeaders(response);
        }
      } catch (java.io.IOException e) {
        seen.add(e.getClass().getSimpleName());
      }
      Thread.sleep(50);
    }
    assertThat(seen).as("answers to new requests after SIGTERM").contains("503");
    assertThat(upload).as("the upload is still in flight").isNotDone();
    slow.release.countDown();

    HttpResponse<String> stored;
    try {
      stored = upload.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      server.process.waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError("the upload failed; seen " + seen + "; server output:\n" + server.output(), e);
    }
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(Stow.Answer.of(stored).referencedUids()).containsExactly(instance.sop());
    assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(server.terminate(5)).isIn(0, 143);
    assertThat(server.output()).contains("Custos stopped.");
    try (CustosInstance reopened = CustosInstance.open(home, Map.of())) {
      assertThat(reopened.archive().versions(instance.sop())).hasSize(1);
      assertThat(reopened.archive().verify(bytes -> { }).ok()).isTrue();
    }
  }

  static long partFiles(Path folder) throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(folder)) {
      return 0;
    }
    try (var files = java.nio.file.Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
    }
  }

  /**
   * Hands out the first {@code half} bytes at once, then a byte every 100 ms (so the connection is
   * never idle) until released, then the rest.
   */
  static final class SlowBody extends InputStream {
    final CountDownLatch halfSent = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final byte[] body;
    private final int half;
    private int position;

    SlowBody(byte[] body, int half) {
      this.body = body;
      this.half = half;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= body.length) {
        return -1;
      }
      int n;
      if (position < half) {
        n = Math.min(len, half - position);
      } else if (release.getCount() > 0 && position < body.length - 1) {
        halfSent.countDown();
        try {
          release.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        n = release.getCount() > 0 ? 1 : Math.min(len, body.length - position);
      } else {
        n = Math.min(len, body.length - position);
      }
      System.arraycopy(body, position, b, off, n);
      position += n;
      return n;
    }
  }
}
