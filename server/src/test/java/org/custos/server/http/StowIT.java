package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.archive.index.InstanceRow;
import org.custos.server.http.Stow.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STOW-RS against the packaged server: the corpus stored in multi-part requests and read back
 * byte-identical through the archive; malformed files mixed into good batches; bad media types,
 * broken multipart bodies and bodies over the limit, each refused with the right status and a
 * JSON error, with nothing half-stored.
 */
class StowIT {
  static final long LIMIT = 25L << 20;

  @TempDir
  static Path dir;
  static RunningServer server;
  static String writer;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(RunningServer.newHome(dir, "server.stow.max-request-bytes=" + LIMIT));
    writer = server.apiKey(Set.of("dicom.write"), Optional.empty());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  static HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
    return Stow.post(server.client, server.url(path), writer, body);
  }

  static HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
    return post("/dicom-web/studies", body);
  }

  static HttpResponse<String> postRaw(String contentType, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url("/dicom-web/studies"))
        .header("Authorization", "Bearer " + writer).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The files none of whose stored versions is byte-identical to them (preamble aside). */
  static List<Path> notStoredByteIdentical(List<Path> files) {
    return server.withArchive(archive -> {
      List<Path> missing = new ArrayList<>();
      for (Path file : files) {
        byte[] sent = Corpus.bytes(file);
        byte[] zeroed = sent.clone();
        Arrays.fill(zeroed, 0, Math.min(128, zeroed.length), (byte) 0);
        String uid = Corpus.sopInstanceUid(file);
        boolean found = false;
        for (InstanceRow version : archive.versions(uid)) {
          try (InputStream in = archive.retriever().open(version, uid)) {
            byte[] stored = in.readAllBytes();
            found |= Arrays.equals(stored, sent) || Arrays.equals(stored, zeroed);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        if (!found) {
          missing.add(file);
        }
      }
      return missing;
    });
  }

  @Test
  void theValidCorpus_isStoredInMultipartBatches_andComesBackByteIdentical() throws Exception {
    List<Path> files = Corpus.category("valid");
    List<List<Path>> batches = new ArrayList<>();
    List<Path> batch = new ArrayList<>();
    long size = 0;
    for (Path file : files) {
      long length = java.nio.file.Files.size(file);
      if (!batch.isEmpty() && (batch.size() == 10 || size + length > 20L << 20)) {
        batches.add(batch);
        batch = new ArrayList<>();
        size = 0;
      }
      batch.add(file);
      size += length;
    }
    batches.add(batch);

    Set<String> storedUids = new HashSet<>();
    int parts = 0;
    int failures = 0;
    for (List<Path> files1 : batches) {
      HttpResponse<String> response = post(Stow.body(files1.stream().map(Corpus::bytes).toArray(byte[][]::new)));
      assertThat(response.statusCode()).as(response.body()).isIn(200, 202, 409);
      assertThat(Http.header(response, "Content-Type")).isEqualTo("application/dicom+json");
      Answer answer = Answer.of(response);
      int failed = answer.failed().size() + answer.otherFailures().size();
      assertThat(answer.referenced().size() + failed).isEqualTo(files1.size());
      assertThat(response.headers().allValues("Warning")).hasSizeGreaterThanOrEqualTo(failed)
          .allSatisfy(w -> assertThat(w).matches("299 custos \"[0-9A-F]{4}: part \\d+: .+\""));
      for (JsonNode item : answer.referenced()) {
        assertThat(Answer.value(item, "00081190")).startsWith(server.https + "/dicom-web/studies/")
            .endsWith("/instances/" + Answer.value(item, "00081155"));
      }
      storedUids.addAll(answer.referencedUids());
      parts += files1.size();
      failures += failed;
    }
    assertThat(parts).isEqualTo(files.size());
    assertThat(parts - failures).as("valid corpus files stored").isGreaterThanOrEqualTo(files.size() - 8);
    List<Path> referenced = new ArrayList<>();
    for (Path file : files) {
      try {
        if (storedUids.contains(Corpus.sopInstanceUid(file))) {
          referenced.add(file);
        }
      } catch (RuntimeException e) {
        // not readable far enough for a UID: it was refused
      }
    }
    assertThat(referenced).hasSizeGreaterThanOrEqualTo(files.size() - 8);
    assertThat(notStoredByteIdentical(referenced)).isEmpty();
  }

  @Test
  void malformedFilesMixedIntoAGoodBatch_failWithTheirReasons_theGoodOnesAreStored_andNothingElse() throws Exception {
    Corpus.Fresh first = Corpus.fresh();
    Corpus.Fresh last = Corpus.fresh();
    List<Path> malformed = Corpus.category("malformed");
    List<byte[]> parts = new ArrayList<>();
    parts.add(first.bytes());
    malformed.forEach(file -> parts.add(Corpus.bytes(file)));
    parts.add(last.bytes());
    long blobs = server.blobFiles();
    long instances = server.countInstances();

    HttpResponse<String> response = post(Stow.body(parts.toArray(byte[][]::new)));

    assertThat(response.statusCode()).isEqualTo(202);
    Answer answer = Answer.of(response);
    assertThat(answer.referencedUids()).containsExactly(first.sop(), last.sop());
    List<JsonNode> failures = new ArrayList<>(answer.failed());
    failures.addAll(answer.otherFailures());
    assertThat(failures).hasSize(malformed.size())
        .allSatisfy(item -> assertThat(Answer.reason(item, "00081197")).isIn(0xC000, 0xA900, 0xA701));
    List<String> warnings = response.headers().allValues("Warning");
    int notDicom = malformed.indexOf(Corpus.file("malformed/synthetic/not_dicom.dcm")) + 2;
    int empty = malformed.indexOf(Corpus.file("malformed/synthetic/empty.dcm")) + 2;
    assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("299 custos \"C000: part " + notDicom + ": "))
        .anySatisfy(w -> assertThat(w).startsWith("299 custos \"C000: part " + empty + ": "));
    assertThat(server.blobFiles()).isEqualTo(blobs + 2);
    assertThat(server.countInstances()).isEqualTo(instances + 2);
    assertThat(server.client.send(HttpRequest.newBuilder(server.url("/healthz")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("still serving").isEqualTo(200);
  }

  @Test
  void everyMalformedFileAlone_is409_withAFailureAndAReason() throws Exception {
    for (Path file : Corpus.category("malformed")) {
      HttpResponse<String> response = post(Stow.body(Corpus.bytes(file)));
      assertThat(response.statusCode()).as(file.toString()).isEqualTo(409);
      Answer answer = Answer.of(response);
      assertThat(answer.referenced()).isEmpty();
      assertThat(answer.failed().size() + answer.otherFailures().size()).isEqualTo(1);
      assertThat(answer.retrieveUrl()).isNull();
      assertThat(response.headers().allValues("Warning")).singleElement().asString().contains("part 1: ");
    }
  }

  @Test
  void onAStudyTarget_anInstanceOfAnotherStudyFails_C409_andTheRestIsStored() throws Exception {
    Corpus.Fresh mine = Corpus.fresh();
    Corpus.Fresh other = Corpus.fresh();

    HttpResponse<String> response = post("/dicom-web/studies/" + mine.study(), Stow.body(mine.bytes(), other.bytes()));

    assertThat(response.statusCode()).isEqualTo(202);
    Answer answer = Answer.of(response);
    assertThat(answer.retrieveUrl()).isEqualTo(server.https + "/dicom-web/studies/" + mine.study());
    assertThat(answer.referencedUids()).containsExactly(mine.sop());
    assertThat(answer.failed()).singleElement().satisfies(item -> {
      assertThat(Answer.value(item, "00081155")).isEqualTo(other.sop());
      assertThat(Answer.value(item, "00081150")).isEqualTo("1.2.840.10008.5.1.4.1.1.4");
      assertThat(Answer.reason(item, "00081197")).isEqualTo(0xC409);
    });
    assertThat(server.versions(other.sop())).isEmpty();
    assertThat(post("/dicom-web/studies/1.2.x", Stow.body(mine.bytes())).statusCode()).isEqualTo(400);
  }

  @Test
  void aStoredBatch_is200_withRetrieveUrls_andAnIdenticalResendIs200Again() throws Exception {
    Corpus.Fresh a = Corpus.fresh();
    Corpus.Fresh b = Corpus.fresh(a.study());

    HttpResponse<String> response = post(Stow.body(a.bytes(), b.bytes()));
    HttpResponse<String> again = post(Stow.body(a.bytes(), b.bytes()));

    for (HttpResponse<String> r : List.of(response, again)) {
      assertThat(r.statusCode()).isEqualTo(200);
      Answer answer = Answer.of(r);
      assertThat(answer.retrieveUrl()).isEqualTo(server.https + "/dicom-web/studies/" + a.study());
      assertThat(answer.referencedUids()).containsExactly(a.sop(), b.sop());
      assertThat(answer.referenced()).allSatisfy(item -> assertThat(item.has("00081196")).isFalse());
      assertThat(answer.failed()).isEmpty();
      assertThat(r.headers().allValues("Warning")).isEmpty();
    }
    assertThat(server.versions(a.sop())).hasSize(1);
  }

  @Test
  void theSameUidWithOtherBytes_isANewVersion_warningB101_202() throws Exception {
    Corpus.Fresh a = Corpus.fresh();
    byte[] changed = a.bytes().clone();
    changed[changed.length - 1] ^= 1; // a pixel value

    assertThat(post(Stow.body(a.bytes())).statusCode()).isEqualTo(200);
    HttpResponse<String> response = post(Stow.body(changed));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(Answer.of(response).referenced()).singleElement()
        .satisfies(item -> assertThat(Answer.reason(item, "00081196")).isEqualTo(0xB101));
    assertThat(response.headers().allValues("Warning")).singleElement().asString().contains("B101: part 1: ");
    assertThat(server.versions(a.sop())).hasSize(2);
  }

  @Test
  void aPartThatIsNotDicom_orOfAnUnknownTransferSyntax_failsThatInstanceOnly() throws Exception {
    Corpus.Fresh good = Corpus.fresh();
    HttpResponse<String> response = post(Stow.body(List.of(
        new Stow.Part("text/plain", "a note about the patient".getBytes(StandardCharsets.US_ASCII)),
        Stow.Part.dicom(good.bytes()),
        new Stow.Part("application/dicom; transfer-syntax=1.2.3.4.5", Corpus.fresh().bytes()),
        new Stow.Part(null, Corpus.fresh().bytes()))));

    assertThat(response.statusCode()).isEqualTo(202);
    Answer answer = Answer.of(response);
    assertThat(answer.referenced()).hasSize(2);
    assertThat(answer.otherFailures()).extracting(item -> Answer.reason(item, "00081197")).containsExactly(0xC000, 0xC122);
    assertThat(response.body()).doesNotContain("a note");
    assertThat(response.headers().allValues("Warning"))
        .contains("299 custos \"C000: part 1: the part is text/plain, not application/dicom\"")
        .anySatisfy(w -> assertThat(w).startsWith("299 custos \"C122: part 3: "));

    HttpResponse<String> alone = post(Stow.body(List.of(new Stow.Part("text/plain", new byte[] {1, 2, 3}))));
    assertThat(alone.statusCode()).isEqualTo(409);
    assertThat(Http.header(alone, "Content-Type")).isEqualTo("application/dicom+json");
  }

  @Test
  void wrongMediaTypes_are415_andAMissingBoundaryIs400_allInJson() throws Exception {
    byte[] body = Stow.body(Corpus.fresh().bytes());
    String boundary = "; boundary=" + Stow.BOUNDARY;
    String[][] cases = { // Content-Type, status, what the detail must name
        {null, "415", "no Content-Type"},
        {"application/dicom", "415", "the Content-Type is application/dicom"},
        {"multipart/related" + boundary, "415", "without a type parameter"},
        {"multipart/related; type=\"application/dicom+json\"" + boundary, "415", "of type application/dicom+json"},
        {"multipart/related; type=\"application/octet-stream\"" + boundary, "415", "of type application/octet-stream"},
        {"multipart/related; type=application/dicom; bound", "415", "not a valid media type"},
        {"multipart/related; type=application/dicom" + boundary + boundary, "415", "parameter boundary is given twice"},
        {"multipart/related; type=\"application/dicom\"", "400", "no boundary parameter"},
        {"multipart/related; type=\"application/dicom\"; boundary=\"" + "x".repeat(201) + "\"", "400", "1-200 char"},
        {"multipart/related; type=\"application/dicom\"; boundary=other-than-the-body", "400", "no delimiter"},
    };
    long blobs = server.blobFiles();
    for (String[] c : cases) {
      HttpResponse<String> response = postRaw(c[0], body);
      assertThat(response.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      assertThat(Http.header(response, "Content-Type")).isEqualTo("application/json");
      assertThat(Http.json(response).path("error").asText())
          .isEqualTo(c[1].equals("415") ? "unsupported-media-type" : "malformed-multipart");
      assertThat(Http.json(response).path("detail").asText()).as(c[0]).contains(c[2]);
    }
    HttpResponse<String> unquoted = postRaw("multipart/related; type=application/dicom" + boundary, body);
    assertThat(unquoted.statusCode()).as("unquoted type, as many clients send it").isEqualTo(200);
    assertThat(server.blobFiles()).isEqualTo(blobs + 1);

    HttpResponse<String> xml = server.client.send(Stow.request(server.url("/dicom-web/studies"), writer)
        .setHeader("Accept", "application/dicom+xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(xml.statusCode()).isEqualTo(406);
    assertThat(Http.json(xml).path("error").asText()).isEqualTo("not-acceptable");
  }

  @Test
  void brokenMultipartBodies_are400_naming_theProblem_andNothingHalfStored() throws Exception {
    Corpus.Fresh stored = Corpus.fresh();
    Corpus.Fresh cut = Corpus.fresh();
    byte[] whole = Stow.body(stored.bytes(), cut.bytes());
    String close = "\r\n--" + Stow.BOUNDARY + "--\r\n";
    int secondPart = indexOf(whole, cut.bytes());
    long blobs = server.blobFiles();

    // The delimiter used inside the second instance: its bytes end early, then "--boundaryX".
    byte[] badDelimiter = concat(Arrays.copyOf(whole, secondPart + 2000),
        ("\r\n--" + Stow.BOUNDARY + "X\r\n" + close).getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> malformed = post(badDelimiter);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Http.json(malformed).path("error").asText()).isEqualTo("malformed-multipart");
    assertThat(Http.json(malformed).path("detail").asText()).contains("delimiter").contains("at byte")
        .contains("1 instance(s) before it were stored completely");

    // The body ends inside the second instance.
    HttpResponse<String> truncated = post(Arrays.copyOf(whole, secondPart + 3000));
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(Http.json(truncated).path("error").asText()).isEqualTo("truncated-body");

    // No delimiter at all, and no parts at all.
    HttpResponse<String> noDelimiter = post(stored.bytes());
    assertThat(noDelimiter.statusCode()).isEqualTo(400);
    assertThat(Http.json(noDelimiter).path("detail").asText()).contains("no delimiter");
    HttpResponse<String> noParts = post(("--" + Stow.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    assertThat(noParts.statusCode()).isEqualTo(400);
    assertThat(Http.json(noParts).path("error").asText()).isEqualTo("no-instances");

    assertThat(server.versions(stored.sop())).hasSize(1);
    assertThat(server.versions(cut.sop())).as("nothing of the cut instance").isEmpty();
    assertThat(server.blobFiles()).isEqualTo(blobs + 1);
  }

  @Test
  void aDeclaredBodyOverTheLimit_is413_withoutReadingIt() throws Exception {
    // A raw TLS socket: the request declares 1 GiB and sends none of it; the server must answer
    // from the headers alone. (java.net.http's Expect: 100-continue hangs on a final answer in JDK 17.)
    try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) server.sslContext().getSocketFactory()
        .createSocket("127.0.0.1", server.https.getPort())) {
      socket.setSoTimeout(10_000);
      String head = "POST /dicom-web/studies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + writer
          + "\r\nContent-Type: " + Stow.CONTENT_TYPE + "\r\nContent-Length: " + (1L << 30) + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(response).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      assertThat(Http.JSON.readTree(body).path("error").asText()).isEqualTo("body-too-large");
      assertThat(Http.JSON.readTree(body).path("detail").asText()).contains(String.valueOf(LIMIT));
    }
  }

  @Test
  void aStreamedBodyOverTheLimit_is413_andOnlyTheCompleteInstanceBeforeItIsKept() throws Exception {
    Corpus.Fresh before = Corpus.fresh();
    Corpus.Fresh oversized = Corpus.fresh();
    byte[] head = concat(Stow.body(before.bytes()), new byte[0]);
    // Second part: a real instance header followed by padding, one byte past the limit in total.
    byte[] second = ("\r\n--" + Stow.BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] first = Arrays.copyOf(head, head.length - ("--" + Stow.BOUNDARY + "--\r\n").length() - 2);
    long padding = LIMIT + 1 - first.length - second.length - oversized.bytes().length;
    long blobs = server.blobFiles();
    HttpRequest request = Stow.request(server.url("/dicom-web/studies"), writer)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(
            List.of(new ByteArrayInputStream(first), new ByteArrayInputStream(second),
                new ByteArrayInputStream(oversized.bytes()), new ZeroStream(padding)))))).build();

    HttpResponse<String> response = server.client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Http.json(response).path("detail").asText()).contains("larger than the limit")
        .contains("1 instance(s) before it were stored completely");
    assertThat(server.versions(before.sop())).hasSize(1);
    assertThat(server.versions(oversized.sop())).isEmpty();
    assertThat(server.blobFiles()).isEqualTo(blobs + 1);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** {@code length} zero bytes, generated as they are read. */
  static final class ZeroStream extends InputStream {
    private long left;

    ZeroStream(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
