package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, section 4, for every DICOMweb route of the packaged server: unknown study, series and
 * instance UIDs are 404s, an Accept (or WADO-URI contentType) the route cannot answer is a 406
 * (STOW-RS included, before it reads the body), and a malformed one a 400, each with the JSON
 * error body that names the level, the media types or the parameter, and never repeats a UID of
 * the request or a patient value.
 */
class DicomWebRefusalsIT {
  @TempDir
  static Path dir;
  static RunningServer server;
  static String reader;
  static String writer;
  static Corpus.Fresh stored;
  static String instance;
  static String unknown;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(RunningServer.newHome(dir));
    reader = server.apiKey(Set.of("dicom.read"), Optional.empty());
    writer = server.apiKey(Set.of("dicom.write"), Optional.empty());
    stored = Corpus.fresh();
    HttpResponse<String> response = server.stow(writer, Stow.body(stored.bytes()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    instance = "/dicom-web/studies/" + stored.study() + "/series/" + stored.series() + "/instances/" + stored.sop();
    unknown = Corpus.uid();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).header("Authorization", "Bearer " + reader);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The read routes' JSON error: status, reason, a message containing {@code names}; no UID or patient value. */
  static JsonNode assertJsonError(HttpResponse<String> response, int status, String names) throws Exception {
    String what = response.request().uri().getRawPath() + " " + response.request().headers().firstValue("Accept");
    assertThat(response.statusCode()).as(what + " " + response.body()).isEqualTo(status);
    assertThat(Http.header(response, "Content-Type")).as(what).isEqualTo("application/json");
    JsonNode json = Http.json(response);
    assertThat(json.path("status").asInt()).as(what).isEqualTo(status);
    assertThat(json.path("error").asText()).as(what).isEqualTo(status == 400 ? "Bad Request"
        : status == 404 ? "Not Found" : "Not Acceptable");
    assertThat(json.path("message").asText()).as(what).contains(names);
    assertThat(response.body()).as(what).doesNotContain(unknown).doesNotContain(stored.study())
        .doesNotContain(stored.series()).doesNotContain(stored.sop()).doesNotContain("CompressedSamples")
        .doesNotContain("4MR1"); // MR_small's Patient Name and ID
    return json;
  }

  @Test
  void unknownUids_onEveryReadRoute_are404_namingTheLevel_neverTheUid() throws Exception {
    String study = "/dicom-web/studies/" + stored.study();
    String series = study + "/series/" + stored.series();
    String[][] cases = {
        {"/dicom-web/studies/" + unknown, "no such study"},
        {"/dicom-web/studies/" + unknown + "/metadata", "no such study"},
        {"/dicom-web/studies/" + unknown + "/thumbnail", "no such study"},
        {"/dicom-web/studies/" + unknown + "/series/" + stored.series(), "no such study"},
        {study + "/series/" + unknown, "no such series in the study"},
        {study + "/series/" + unknown + "/metadata", "no such series in the study"},
        {study + "/series/" + unknown + "/thumbnail", "no such series in the study"},
        {study + "/series/" + unknown + "/instances/" + stored.sop(), "no such series in the study"},
        {series + "/instances/" + unknown, "no such instance in the series"},
        {series + "/instances/" + unknown + "/metadata", "no such instance in the series"},
        {series + "/instances/" + unknown + "/frames/1", "no such instance in the series"},
        {series + "/instances/" + unknown + "/rendered", "no such instance in the series"},
        {series + "/instances/" + unknown + "/thumbnail", "no such instance in the series"},
        {series + "/instances/" + unknown + "/frames/1/rendered", "no such instance in the series"},
        {series + "/instances/" + unknown + "/frames/1/thumbnail", "no such instance in the series"},
        {series + "/instances/" + unknown + "/bulkdata/7FE00010", "no such instance in the series"},
        // An instance of this study under another series: misnested is unknown.
        {"/dicom-web/studies/" + stored.study() + "/series/" + Corpus.uid() + "/instances/" + stored.sop(),
            "no such series in the study"},
        {instance + "/frames/2", "no frame 2"},
        {instance + "/frames/2/rendered", "no frame 2"},
        {instance + "/bulkdata/00091234", "no such element"},
        {"/wado?requestType=WADO&studyUID=" + unknown + "&seriesUID=" + stored.series() + "&objectUID=" + stored.sop()
            + "&contentType=application/dicom", "no such study"},
        {"/wado?requestType=WADO&studyUID=" + stored.study() + "&seriesUID=" + unknown + "&objectUID=" + stored.sop(),
            "no such series in the study"},
        {"/wado?requestType=WADO&studyUID=" + stored.study() + "&seriesUID=" + stored.series() + "&objectUID=" + unknown
            + "&contentType=image/png", "no such instance in the series"},
    };
    for (String[] c : cases) {
      assertJsonError(get(c[0], null), 404, c[1]);
    }
  }

  @Test
  void searchesScopedToAnUnknownStudyOrSeries_findNothing_200WithAnEmptyArray() throws Exception {
    // QIDO-RS: no match is an empty result, not an error (DICOM CP-2473).
    for (String path : List.of("/dicom-web/studies/" + unknown + "/series",
        "/dicom-web/studies/" + unknown + "/instances",
        "/dicom-web/studies/" + stored.study() + "/series/" + unknown + "/instances",
        "/dicom-web/instances?SOPInstanceUID=" + unknown)) {
      HttpResponse<String> response = get(path, "application/dicom+json");
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(Http.json(response)).as(path).isEmpty();
    }
  }

  @Test
  void anAcceptARouteCannotAnswer_is406_namingWhatItCanSend() throws Exception {
    String dicomXml = "multipart/related; type=\"application/dicom+xml\"";
    String[][] cases = {
        {"/dicom-web/studies", "application/dicom+xml", "application/dicom+json"},
        {"/dicom-web/series", "text/html", "application/dicom+json"},
        {"/dicom-web/studies/" + stored.study() + "/instances", dicomXml, "application/dicom+json"},
        {"/dicom-web/studies/" + stored.study(), "text/html", "multipart/related; type=\"application/dicom\""},
        {"/dicom-web/studies/" + stored.study() + "/series/" + stored.series(), "application/dicom+json",
            "multipart/related; type=\"application/dicom\""},
        {instance, "image/jpeg", "multipart/related; type=\"application/dicom\""},
        {instance, "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50",
            "transfer-syntax=*"},
        {instance, "application/dicom; transfer-syntax=1.2.3.4", "transfer-syntax=*"},
        {"/dicom-web/studies/" + stored.study() + "/metadata", dicomXml, "application/dicom+json"},
        {instance + "/metadata", "application/dicom+xml", "application/dicom+json"},
        {instance + "/frames/1", "multipart/related; type=\"image/jpeg\"", "application/octet-stream"},
        {instance + "/frames/1", "text/html", "application/octet-stream"},
        {instance + "/bulkdata/7FE00010", "image/png", "application/octet-stream"},
        {instance + "/rendered", "image/gif", "image/jpeg or image/png"},
        {instance + "/frames/1/rendered", "application/dicom", "image/jpeg or image/png"},
        {"/dicom-web/studies/" + stored.study() + "/thumbnail", "text/html", "image/jpeg or image/png"},
        {"/wado?requestType=WADO&studyUID=" + stored.study() + "&seriesUID=" + stored.series() + "&objectUID="
            + stored.sop() + "&contentType=text/html", null, "application/dicom, image/jpeg or image/png"},
    };
    for (String[] c : cases) {
      assertJsonError(get(c[0], c[1]), 406, c[2]);
    }
  }

  @Test
  void anAcceptWhoseEveryRangeHasQZero_acceptsNothing_406_onReadsAndOnStow() throws Exception {
    // RFC 9110 12.5.1: "a value of 0 means not acceptable".
    String[][] cases = {
        {"/dicom-web/studies", "application/dicom+json;q=0"},
        {instance, "multipart/related; type=\"application/dicom\"; transfer-syntax=*; q=0"},
        {instance + "/metadata", "application/dicom+json;q=0, application/json;q=0.000"},
        {instance + "/frames/1", "*/*;q=0"},
        {instance + "/rendered", "image/png;q=0, image/jpeg;q=0"},
    };
    for (String[] c : cases) {
      assertJsonError(get(c[0], c[1]), 406, "q=0");
    }
    ArchiveState before = ArchiveState.of(server, reader);
    Corpus.Fresh refused = Corpus.fresh();
    for (String accept : List.of("application/dicom+json;q=0", "application/dicom+json; q=0.0, application/json;q=0",
        "application/dicom+xml, */*;q=0", "text/html")) {
      HttpResponse<String> stow = server.client.send(Stow.request(server.url("/dicom-web/studies"), writer)
          .setHeader("Accept", accept).POST(HttpRequest.BodyPublishers.ofByteArray(Stow.body(refused.bytes()))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(stow.statusCode()).as(accept + " " + stow.body()).isEqualTo(406);
      assertThat(Http.header(stow, "Content-Type")).isEqualTo("application/json");
      assertThat(Http.json(stow).path("error").asText()).isEqualTo("not-acceptable");
      assertThat(Http.json(stow).path("detail").asText()).contains("Accept").contains("application/dicom+json");
    }
    assertThat(ArchiveState.of(server, reader)).as("a refused STOW-RS stores nothing").isEqualTo(before);
    ArchiveState.assertNotFoundByQido(server, reader, refused.sop());
  }

  @Test
  void qualityFactors_pickTheBestAnswerableRange_andAPartialQZeroIsIgnored() throws Exception {
    HttpResponse<String> search = get("/dicom-web/studies?StudyInstanceUID=" + stored.study(),
        "application/dicom+xml;q=1, application/dicom+json;q=0.2, text/html;q=0");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(Http.header(search, "Content-Type")).startsWith("application/dicom+json");
    assertThat(Http.json(search)).hasSize(1);
  }

  @Test
  void aMalformedAccept_is400_namingAccept() throws Exception {
    for (String[] c : new String[][] {
        {"/dicom-web/studies", "dicom"},
        {instance, "multipart/related; type=\"application/dicom\"; q=2"},
        {instance + "/metadata", "application/dicom+json; q"},
        {instance + "/rendered", "image/png/x"}}) {
      JsonNode json = assertJsonError(get(c[0], c[1]), 400, "Accept");
      assertThat(json.path("parameter").asText()).isEqualTo("Accept");
    }
  }
}
