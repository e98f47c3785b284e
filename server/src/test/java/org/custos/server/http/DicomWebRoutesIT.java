package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.custos.archive.access.Access;
import org.custos.ledger.json.Json;
import org.custos.server.dicomweb.multipart.MediaType;
import org.custos.server.dicomweb.multipart.MultipartReader;
import org.custos.server.dicomweb.multipart.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DICOMweb read routes on the packaged server over HTTPS: instances stored with STOW-RS are
 * found by QIDO-RS at every level, retrieved byte-identical (preamble aside) in multipart and
 * single-part bodies and by WADO-URI, described by /metadata, cut into frames and rendered; the
 * errors are the right statuses with JSON bodies; CORS preflights allow Authorization; and every
 * read is in the patient's log under the API key's principal.
 */
@EnabledIfSystemProperty(named = "custos.packaged", matches = "true", disabledReason = "runs the packaged jar: mvn verify")
class DicomWebRoutesIT {
  static final String ORIGIN = "https://viewer.example";
  static final String DICOM_MULTIPART = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

  @TempDir
  static Path dir;
  static RunningServer server;
  static String reader;
  static String writer;
  static String study;
  static List<Corpus.Fresh> stored = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(RunningServer.newHome(dir, "server.cors.allowed-origins=" + ORIGIN));
    reader = server.apiKey(Set.of("dicom.read"), Optional.empty());
    writer = server.apiKey(Set.of("dicom.write"), Optional.empty());
    study = Corpus.uid();
    stored.add(Corpus.fresh(study));
    stored.add(Corpus.fresh(study));
    HttpResponse<String> response = server.stow(writer, Stow.body(stored.get(0).bytes(), stored.get(1).bytes()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void qido_findsTheStoredInstancesAtEveryLevel() throws Exception {
    Corpus.Fresh first = stored.get(0);
    JsonNode studies = json(get("/dicom-web/studies?StudyInstanceUID=" + study, "application/dicom+json", reader));
    assertThat(studies).hasSize(1);
    assertThat(value(studies.get(0), "0020000D")).isEqualTo(study);
    assertThat(value(studies.get(0), "00081190")).startsWith(server.https + "/dicom-web/studies/" + study);

    assertThat(uids(json(get("/dicom-web/studies/" + study + "/series", null, reader)), "0020000E"))
        .containsExactlyInAnyOrder(stored.get(0).series(), stored.get(1).series());
    assertThat(uids(json(get("/dicom-web/studies/" + study + "/series/" + first.series() + "/instances", null, reader)),
        "00080018")).containsExactly(first.sop());
    assertThat(uids(json(get("/dicom-web/studies/" + study + "/instances", null, reader)), "00080018"))
        .containsExactlyInAnyOrder(stored.get(0).sop(), stored.get(1).sop());
    assertThat(uids(json(get("/dicom-web/series?SeriesInstanceUID=" + first.series(), null, reader)), "0020000E"))
        .containsExactly(first.series());
    assertThat(uids(json(get("/dicom-web/instances?SOPInstanceUID=" + first.sop(), null, reader)), "00080018"))
        .containsExactly(first.sop());
  }

  @Test
  void qido_withNoMatch_is200WithAnEmptyArray() throws Exception {
    HttpResponse<byte[]> response = get("/dicom-web/studies?StudyInstanceUID=" + Corpus.uid(), null, reader);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body()).strip()).isEqualTo("[]");
  }

  @Test
  void retrieve_roundTripsByteIdentical_inMultipartAndSinglePartBodies() throws Exception {
    HttpResponse<byte[]> whole = get("/dicom-web/studies/" + study, DICOM_MULTIPART, reader);
    assertThat(whole.statusCode()).isEqualTo(200);
    List<byte[]> parts = parts(whole);
    assertThat(parts).hasSize(2);
    for (Corpus.Fresh fresh : stored) {
      assertThat(parts).anySatisfy(part -> assertSameInstance(part, fresh.bytes()));
    }

    Corpus.Fresh first = stored.get(0);
    String instance = instancePath(first);
    HttpResponse<byte[]> single = get(instance, "application/dicom; transfer-syntax=*", reader);
    assertThat(single.statusCode()).isEqualTo(200);
    assertThat(Http.header(single, "Content-Type")).startsWith("application/dicom");
    assertSameInstance(single.body(), first.bytes());

    HttpResponse<byte[]> wadoUri = get("/wado?requestType=WADO&studyUID=" + study + "&seriesUID=" + first.series()
        + "&objectUID=" + first.sop() + "&contentType=application/dicom", null, reader);
    assertThat(wadoUri.statusCode()).isEqualTo(200);
    assertSameInstance(wadoUri.body(), first.bytes());
  }

  @Test
  void metadata_isDicomJson_withAbsoluteBulkDataUris() throws Exception {
    Corpus.Fresh first = stored.get(0);
    HttpResponse<byte[]> response = get(instancePath(first) + "/metadata", "application/dicom+json", reader);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode metadata = json(response);
    assertThat(metadata).hasSize(1);
    assertThat(value(metadata.get(0), "00080018")).isEqualTo(first.sop());
    String pixels = metadata.get(0).path("7FE00010").path("BulkDataURI").asText();
    assertThat(pixels).startsWith(server.https + "/dicom-web/studies/" + study);
    HttpResponse<byte[]> bulk = get(pixels.substring(server.https.toString().length()),
        "multipart/related; type=\"application/octet-stream\"", reader);
    assertThat(bulk.statusCode()).isEqualTo(200);
    assertThat(parts(bulk)).hasSize(1);
  }

  @Test
  void frame_andRenderedImages_areServed() throws Exception {
    String instance = instancePath(stored.get(0));
    HttpResponse<byte[]> frame = get(instance + "/frames/1", "multipart/related; type=\"application/octet-stream\"",
        reader);
    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(parts(frame)).singleElement().satisfies(bytes -> assertThat(bytes).hasSize(64 * 64 * 2));

    HttpResponse<byte[]> rendered = get(instance + "/rendered", "image/png", reader);
    assertThat(rendered.statusCode()).isEqualTo(200);
    assertThat(Http.header(rendered, "Content-Type")).startsWith("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendered.body()));
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(get(instance + "/frames/1/rendered", "image/png", reader).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> thumbnail = get("/dicom-web/studies/" + study + "/thumbnail", "image/png", reader);
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body()))).isNotNull();
  }

  @Test
  void failures_haveTheirStatusAndAJsonBody() throws Exception {
    String instance = instancePath(stored.get(0));
    HttpResponse<byte[]> anonymous = get("/dicom-web/studies", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(Http.header(anonymous, "WWW-Authenticate")).startsWith("Bearer");
    assertThat(get(instance + "/metadata", null, null).statusCode()).isEqualTo(401);

    HttpResponse<byte[]> writeOnly = get(instance, DICOM_MULTIPART, writer);
    assertThat(writeOnly.statusCode()).isEqualTo(403);
    assertThat(get("/dicom-web/studies", null, writer).statusCode()).isEqualTo(403);

    HttpResponse<byte[]> unknown = get("/dicom-web/studies/" + Corpus.uid(), DICOM_MULTIPART, reader);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("status").asInt()).isEqualTo(404);

    HttpResponse<byte[]> xml = get(instance + "/metadata", "multipart/related; type=\"application/dicom+xml\"", reader);
    assertThat(xml.statusCode()).isEqualTo(406);
    assertThat(json(xml).get("error").asText()).isEqualTo("Not Acceptable");
    assertThat(get("/dicom-web/studies", "application/dicom+xml", reader).statusCode()).isEqualTo(406);

    HttpResponse<byte[]> badUid = get("/dicom-web/studies/not-a-uid/metadata", null, reader);
    assertThat(badUid.statusCode()).isEqualTo(400);
    assertThat(json(badUid).get("parameter").asText()).isEqualTo("study");
    HttpResponse<byte[]> badDate = get("/dicom-web/studies?StudyDate=yesterday", null, reader);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(json(badDate).get("parameter").asText()).isEqualTo("StudyDate");
  }

  @Test
  void preflights_allowAuthorization_onMetadataAndFrames() throws Exception {
    String instance = instancePath(stored.get(0));
    for (String path : List.of(instance + "/metadata", instance + "/frames/1")) {
      HttpResponse<String> preflight = server.client.send(HttpRequest.newBuilder(server.url(path))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
          .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization")
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).as(path).isBetween(200, 204);
      assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
      assertThat(Http.header(preflight, "Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    }
    HttpResponse<byte[]> actual = server.client.send(HttpRequest.newBuilder(server.url(instance + "/metadata"))
        .header("Origin", ORIGIN).header("Authorization", "Bearer " + reader).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(Http.header(actual, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
  }

  @Test
  void reads_areInThePatientsLog_underTheApiKeysPrincipal() throws Exception {
    Corpus.Fresh first = stored.get(0);
    assertThat(get(instancePath(first) + "/metadata", null, reader).statusCode()).isEqualTo(200);
    assertThat(get("/dicom-web/studies?StudyInstanceUID=" + study, null, reader).statusCode()).isEqualTo(200);
    String patient = server.versions(first.sop()).get(0).patientId();
    Map<String, Object> receipt = server.withArchive(archive -> archive.receipt(patient, new Access("test", "receipt")));
    JsonNode entries = Http.JSON.readTree(Json.write(receipt, false)).get("entries");
    String principal = "apikey:" + reader.substring(4, 20);
    List<String> actions = new ArrayList<>();
    entries.forEach(item -> {
      JsonNode entry = item.get("entry");
      if (entry != null && "access".equals(entry.path("type").asText())
          && principal.equals(entry.path("principal").asText())) {
        assertThat(entry.path("purpose").asText()).isEqualTo("treatment");
        assertThat(entry.path("study").asText()).isEqualTo(study);
        actions.add(entry.path("action").asText());
      }
    });
    assertThat(actions).contains("METADATA", "SEARCH");
  }

  @Test
  void integrityFailureMidBody_abortsTheConnection_insteadOfEndingTheMultipart() throws Exception {
    Path file = Corpus.file("valid/nibabel/siemens_dwi_1000.dcm"); // 1.7 MB: two 1 MiB blob segments
    Set<Path> before = blobs();
    HttpResponse<String> stow = server.stow(writer, Stow.body(Corpus.bytes(file)));
    assertThat(stow.statusCode()).as(stow.body()).isIn(200, 202); // 202: stored with a warning
    List<Path> added = blobs().stream().filter(p -> !before.contains(p)).toList();
    assertThat(added).isNotEmpty();
    for (Path blob : added) {
      try (RandomAccessFile raf = new RandomAccessFile(blob.toFile(), "rw")) {
        long at = raf.length() - 100; // in the last segment: the first one streams (and commits) first
        raf.seek(at);
        int b = raf.read();
        raf.seek(at);
        raf.write(b ^ 0x01);
      }
    }
    org.custos.dicom.DataSet header = org.custos.dicom.DicomReader.read(file, org.custos.dicom.ReadOptions.DEFAULT)
        .dataSet();
    String path = "/dicom-web/studies/" + text(header, org.custos.dicom.dictionary.Tags.StudyInstanceUID) + "/series/"
        + text(header, org.custos.dicom.dictionary.Tags.SeriesInstanceUID) + "/instances/"
        + text(header, org.custos.dicom.dictionary.Tags.SOPInstanceUID);
    assertThatThrownBy(() -> get(path, DICOM_MULTIPART, reader)).as("a broken transfer, not a complete body")
        .isInstanceOf(IOException.class);
    assertThat(get("/healthz", null, null).statusCode()).as("the server serves on").isEqualTo(200);
    assertThat(server.output()).contains("IntegrityFailureException while streaming a DICOMweb response; aborting");
  }

  static String text(org.custos.dicom.DataSet dataSet, int tag) {
    return dataSet.getString(tag).orElseThrow().strip();
  }

  static Set<Path> blobs() throws IOException {
    try (var walk = Files.walk(server.home.resolve("blobs"))) {
      return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
    }
  }

  static String instancePath(Corpus.Fresh fresh) {
    return "/dicom-web/studies/" + fresh.study() + "/series/" + fresh.series() + "/instances/" + fresh.sop();
  }

  static HttpResponse<byte[]> get(String path, String accept, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return server.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> response) throws Exception {
    assertThat(response.statusCode()).as(new String(response.body())).isLessThan(500);
    return Http.JSON.readTree(response.body());
  }

  static String value(JsonNode item, String tag) {
    JsonNode value = item.path(tag).path("Value");
    return value.isArray() && value.size() > 0 ? value.get(0).asText() : null;
  }

  static List<String> uids(JsonNode results, String tag) {
    List<String> uids = new ArrayList<>();
    results.forEach(item -> uids.add(value(item, tag)));
    return uids;
  }

  static List<byte[]> parts(HttpResponse<byte[]> response) throws Exception {
    MediaType type = MediaType.parse(Http.header(response, "Content-Type"));
    assertThat(type.essence()).isEqualTo("multipart/related");
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(response.body()),
        type.parameter("boundary").orElseThrow());
    List<byte[]> parts = new ArrayList<>();
    Optional<Part> part;
    while ((part = reader.next()).isPresent()) {
      parts.add(part.get().body().readAllBytes());
    }
    return parts;
  }

  /** Equal apart from the 128-byte preamble, which the archive may zero. */
  static void assertSameInstance(byte[] served, byte[] sent) {
    assertThat(served.length).isEqualTo(sent.length);
    assertThat(Arrays.copyOfRange(served, 128, served.length)).isEqualTo(Arrays.copyOfRange(sent, 128, sent.length));
  }
}
