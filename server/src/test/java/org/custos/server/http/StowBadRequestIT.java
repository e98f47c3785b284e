package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.custos.server.http.Stow.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, section 4, the STOW-RS bad-input cases {@link StowIT} leaves open: a 1 GiB chunked body
 * against a 4 MiB limit, an instance whose File Meta names an unknown transfer syntax, framing
 * errors and malformed part headers that name the part and the byte, and requests the router does
 * not know; after each, QIDO-RS and the archive's counts show nothing half-stored, and at the end
 * {@code custos verify} and {@code custos ls} agree.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StowBadRequestIT {
  static final long LIMIT = 4L << 20;

  @TempDir
  static Path dir;
  static RunningServer server;
  static String writer;
  static String reader;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(RunningServer.newHome(dir, "server.stow.max-request-bytes=" + LIMIT));
    writer = server.apiKey(Set.of("dicom.write"), Optional.empty());
    reader = server.apiKey(Set.of("dicom.read"), Optional.empty());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
    return server.stow(writer, body);
  }

  static int health() throws IOException, InterruptedException {
    return server.client.send(HttpRequest.newBuilder(server.url("/healthz")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static void assertFoundByQido(String sopInstanceUid) throws Exception {
    HttpResponse<String> search = server.client.send(HttpRequest.newBuilder(
        server.url("/dicom-web/instances?SOPInstanceUID=" + sopInstanceUid)).header("Authorization", "Bearer " + reader)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(Http.json(search)).hasSize(1);
  }

  @Test
  @Order(1)
  void aChunkedGigabyteBody_overA4MiBLimit_is413AfterTheLimit_notAfterTheGigabyte() throws Exception {
    Corpus.Fresh whole = Corpus.fresh();
    Corpus.Fresh cut = Corpus.fresh();
    byte[] first = Arrays.copyOf(Stow.body(whole.bytes()), Stow.body(whole.bytes()).length
        - ("--" + Stow.BOUNDARY + "--\r\n").length()); // the whole first part, no close delimiter
    byte[] second = ("--" + Stow.BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    long gigabyte = 1L << 30;
    ArchiveState before = ArchiveState.of(server, reader);
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    // A raw TLS socket, no Content-Length: the server cannot refuse from the headers and must count
    // while it streams. The client keeps sending until the answer comes.
    try (SSLSocket socket = (SSLSocket) server.sslContext().getSocketFactory()
        .createSocket("127.0.0.1", server.https.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /dicom-web/studies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + writer
          + "\r\nContent-Type: " + Stow.CONTENT_TYPE + "\r\nTransfer-Encoding: chunked\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      Thread sender = new Thread(() -> {
        try {
          chunk(out, first);
          chunk(out, second);
          chunk(out, cut.bytes());
          sent.addAndGet(first.length + second.length + cut.bytes().length);
          byte[] zeros = new byte[64 * 1024];
          while (sent.get() < gigabyte) {
            chunk(out, zeros);
            sent.addAndGet(zeros.length);
          }
        } catch (IOException e) {
          // the server answered and closed the connection
        }
      }, "gigabyte-sender");
      sender.setDaemon(true);
      sender.start();
      String response = readResponse(socket.getInputStream());
      long sentWhenAnswered = sent.get();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf("StowBadRequestIT: 413 after %d ms and %d bytes sent of 1 GiB (limit %d)%n", took.toMillis(),
          sentWhenAnswered, LIMIT);

      assertThat(response).startsWith("HTTP/1.1 413 ");
      JsonNode json = Http.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
      assertThat(json.path("error").asText()).isEqualTo("body-too-large");
      assertThat(json.path("detail").asText()).contains("larger than the limit of " + LIMIT + " bytes")
          .contains("at byte " + LIMIT).contains("1 instance(s) before it were stored completely");
      assertThat(sentWhenAnswered).as("refused while streaming, not after the gigabyte")
          .isLessThan(LIMIT + (32L << 20));
      assertThat(took).isLessThan(Duration.ofSeconds(60));
    }
    ArchiveState after = ArchiveState.of(server, reader);
    assertThat(after.versions()).isEqualTo(before.versions() + 1);
    assertThat(after.blobs()).as("no blob of the cut instance").isEqualTo(before.blobs() + 1);
    assertFoundByQido(whole.sop());
    ArchiveState.assertNotFoundByQido(server, reader, cut.sop());
    assertThat(health()).isEqualTo(200);
  }

  static void chunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** Status line, headers and a Content-Length body. */
  static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return head + new String(body, StandardCharsets.UTF_8);
  }

  /** MR_small, fresh, with its File Meta naming a transfer syntax no codec knows (same length, so well-formed). */
  static byte[] withUnknownTransferSyntax(byte[] file) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    String explicitLe = "1.2.840.10008.1.2.1\0";
    assertThat(text.indexOf(explicitLe)).as("in the File Meta").isBetween(132, 400);
    return text.replaceFirst(explicitLe, "1.2.840.99999.1.2.1\0").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  @Order(2)
  void anInstanceWhoseFileMetaNamesAnUnknownTransferSyntax_failsC122_aloneAndInAGoodBatch() throws Exception {
    Corpus.Fresh unknown = Corpus.fresh();
    byte[] patched = withUnknownTransferSyntax(unknown.bytes());
    Corpus.Fresh good = Corpus.fresh();
    ArchiveState before = ArchiveState.of(server, reader);

    HttpResponse<String> alone = post(Stow.body(patched));
    HttpResponse<String> mixed = post(Stow.body(good.bytes(), patched));

    assertThat(alone.statusCode()).isEqualTo(409);
    assertThat(Answer.of(alone).otherFailures()).singleElement()
        .satisfies(item -> assertThat(Answer.reason(item, "00081197")).isEqualTo(0xC122));
    assertThat(alone.headers().allValues("Warning")).singleElement().asString()
        .startsWith("299 custos \"C122: part 1: ").contains("unsupported transfer syntax 1.2.840.99999.1.2.1");
    assertThat(mixed.statusCode()).isEqualTo(202);
    assertThat(Answer.of(mixed).referencedUids()).containsExactly(good.sop());
    assertThat(mixed.headers().allValues("Warning")).singleElement().asString()
        .startsWith("299 custos \"C122: part 2: ");
    ArchiveState after = ArchiveState.of(server, reader);
    assertThat(after.versions()).isEqualTo(before.versions() + 1);
    assertThat(after.blobs()).isEqualTo(before.blobs() + 1);
    ArchiveState.assertNotFoundByQido(server, reader, unknown.sop());
  }

  @Test
  @Order(3)
  void framingErrors_andMalformedPartHeaders_are400_namingThePartAndTheByte_andOnlyWholeInstancesBeforeAreKept()
      throws Exception {
    Corpus.Fresh kept = Corpus.fresh();
    Corpus.Fresh broken = Corpus.fresh();
    byte[] whole = Stow.body(kept.bytes(), broken.bytes());
    int secondPart = StowIT.indexOf(whole, broken.bytes());
    String close = "\r\n--" + Stow.BOUNDARY + "--\r\n";
    byte[] keptPart = Arrays.copyOf(whole, StowIT.indexOf(whole, ("\r\n--" + Stow.BOUNDARY + "\r\nContent-Type")
        .getBytes(StandardCharsets.US_ASCII)) + 2);
    String[][] cases = {
        // the boundary used inside part 2: a delimiter followed by other bytes
        {new String(Arrays.copyOf(whole, secondPart + 2000), StandardCharsets.ISO_8859_1) + "\r\n--" + Stow.BOUNDARY
            + "X\r\n" + close, "malformed-multipart", "the delimiter after part 2 is followed by neither CRLF nor"},
        // the body ends inside part 2
        {new String(Arrays.copyOf(whole, secondPart + 3000), StandardCharsets.ISO_8859_1), "truncated-body",
            "the body ended inside part 2"},
        // part 2's header line has no colon
        {new String(keptPart, StandardCharsets.ISO_8859_1) + "--" + Stow.BOUNDARY
            + "\r\nContent-Type application/dicom\r\n\r\nxx" + close, "malformed-multipart",
            "a header line of part 2 is not \"name: value\""},
        // the body ends inside part 2's headers
        {new String(keptPart, StandardCharsets.ISO_8859_1) + "--" + Stow.BOUNDARY + "\r\nContent-Type: appl",
            "truncated-body", "the body ended inside the headers of part 2"},
    };
    for (String[] c : cases) {
      ArchiveState before = ArchiveState.of(server, reader);
      HttpResponse<String> response = post(c[0].getBytes(StandardCharsets.ISO_8859_1));

      assertThat(response.statusCode()).as(c[2]).isEqualTo(400);
      assertThat(Http.header(response, "Content-Type")).isEqualTo("application/json");
      JsonNode json = Http.json(response);
      assertThat(json.path("error").asText()).as(c[2]).isEqualTo(c[1]);
      assertThat(json.path("detail").asText()).as(c[2]).contains(c[2]).containsPattern("at byte \\d+")
          .doesNotContain(kept.sop()).doesNotContain(kept.study());
      ArchiveState after = ArchiveState.of(server, reader);
      assertThat(after.blobs() - before.blobs()).as(c[2]).isEqualTo(after.versions() - before.versions());
      assertFoundByQido(kept.sop());
      ArchiveState.assertNotFoundByQido(server, reader, broken.sop());
    }
    assertThat(server.versions(kept.sop())).as("resending is safe: stored once").hasSize(1);
  }

  @Test
  @Order(4)
  void storeRequestsOnPathsThatDoNotStore_areRefusedInJson_andStoreNothing() throws Exception {
    Corpus.Fresh fresh = Corpus.fresh();
    ArchiveState before = ArchiveState.of(server, reader);
    for (String path : List.of("/dicom-web/studies/" + fresh.study() + "/series",
        "/dicom-web/studies/" + fresh.study() + "/series/" + fresh.series(), "/dicom-web/instances")) {
      HttpResponse<String> response = Stow.post(server.client, server.url(path), writer, Stow.body(fresh.bytes()));
      assertThat(response.statusCode()).as(path).isIn(404, 405);
      assertThat(Http.header(response, "Content-Type")).as(path).startsWith("application/json");
      assertThat(Http.json(response).path("error").asText()).as(path).isNotBlank();
      assertThat(response.body()).as(path).doesNotContain(fresh.study());
    }
    HttpResponse<String> badTarget = Stow.post(server.client, server.url("/dicom-web/studies/1.2.x"), writer,
        Stow.body(fresh.bytes()));
    assertThat(badTarget.statusCode()).isEqualTo(400);
    assertThat(Http.json(badTarget).path("error").asText()).isEqualTo("invalid-uid");
    assertThat(Http.json(badTarget).path("detail").asText()).contains("the study in the URI").doesNotContain("1.2.x");
    assertThat(ArchiveState.of(server, reader)).isEqualTo(before);
    ArchiveState.assertNotFoundByQido(server, reader, fresh.sop());
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void afterEverything_verifyAndLsOnTheStoppedServer_findOnlyWhatWasAnsweredAsStored() throws Exception {
    CustosCli.assertNothingHalfStored(server);
  }
}
