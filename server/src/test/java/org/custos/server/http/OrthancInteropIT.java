package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc 1.10.1 with its DICOMweb plugin 1.7 (Debian) against the packaged Custos over HTTPS:
 * Orthanc trusts exactly Custos's self-signed certificate and sends an API key. The valid corpus
 * goes into Orthanc, Orthanc's STOW-RS client pushes it to Custos, Orthanc's QIDO-RS and WADO-RS
 * clients find and fetch every instance back byte-identical, and both servers' QIDO-RS answers to
 * the same searches are compared attribute by attribute, every difference explained by a
 * {@link KnownQidoDifference}.
 */
@EnabledIfSystemProperty(named = "custos.packaged", matches = "true", disabledReason = "runs the packaged jar: mvn verify")
class OrthancInteropIT {
  private static final String REMOTE = "custos";
  /** Files of the valid category Orthanc does not take (it answers 400 or 404), and why. */
  private static final Map<String, String> REFUSED_BY_ORTHANC = Map.of(
      "valid/pydicom/hotiron.dcm", "a Color Palette has no patient, study or series, which Orthanc's model needs",
      "dicomdir/DICOMDIR", "a media directory, not a composite instance");

  @TempDir
  static Path dir;
  static RunningServer custos;
  static OrthancProcess orthanc;
  static String token;
  static List<Sent> sent;
  static HttpResponse<byte[]> push;
  static Set<String> storedByThePush;
  static final CorpusFacts facts = new CorpusFacts();

  /** A corpus file Orthanc stored and is asked to push, with its UIDs. */
  record Sent(String file, String orthancId, String study, String series, String sop) {}

  @BeforeAll
  static void start() throws Exception {
    custos = RunningServer.start(RunningServer.newHome(dir));
    token = custos.apiKey(Set.of("dicom.read", "dicom.write"), Optional.empty());
    OrthancProcess.Remote remote = new OrthancProcess.Remote(REMOTE, custos.url("/dicom-web/"),
        Map.of("Authorization", "Bearer " + token));
    orthanc = OrthancProcess.start(dir.resolve("orthanc"), remote, custos.home.resolve("tls/self-signed.crt"));
    sent = storeTheValidCorpusInOrthanc();
    ObjectNode request = Http.JSON.createObjectNode().put("Synchronous", true);
    sent.forEach(s -> request.withArray("Resources").add(s.orthancId()));
    push = orthanc.post("/dicom-web/servers/" + REMOTE + "/stow", request);
    storedByThePush = custosSopInstanceUids();
    storeWhatThePushMissed();
  }

  @AfterAll
  static void stop() {
    if (orthanc != null) {
      orthanc.close();
    }
    if (custos != null) {
      custos.close();
    }
  }

  @Test
  void orthancsStowClient_storesEveryInstanceInCustos() throws Exception {
    assertThat(push.statusCode()).as("Orthanc's answer to its STOW-RS push: %s (Custos answers 400 "
        + "malformed-multipart to a multipart boundary over RFC 2046's 70 characters; DICOMweb plugin 1.7 sends "
        + "73)", new String(push.body())).isEqualTo(200);
    assertThat(Http.JSON.readTree(push.body()).path("InstancesCount").asInt()).isEqualTo(sent.size());
    assertThat(storedByThePush).containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::sop).toList());
    assertThat(custos.countInstances()).as("one version each").isEqualTo(sent.size());
  }

  @Test
  void orthancsQidoAndWadoClients_findEveryInstance_andFetchItByteIdentical() throws Exception {
    ObjectNode search = Http.JSON.createObjectNode().put("Uri", "/instances");
    search.putObject("Arguments").put("limit", "1000");
    HttpResponse<byte[]> found = orthanc.post("/dicom-web/servers/" + REMOTE + "/qido", search);
    assertThat(found.statusCode()).isEqualTo(200);
    // The plugin re-encodes the remote answer in Orthanc's own JSON: {"tag": {"Name", "Value", "vr"}}.
    Map<String, List<String>> parents = new HashMap<>();
    Http.JSON.readTree(found.body()).forEach(result -> parents.put(result.path("00080018").path("Value").asText(),
        List.of(result.path("0020000D").path("Value").asText(), result.path("0020000E").path("Value").asText())));
    assertThat(parents.keySet()).containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::sop).toList());

    for (Sent s : sent) {
      assertThat(parents.get(s.sop())).as(s.file()).containsExactly(s.study(), s.series());
      ObjectNode get = Http.JSON.createObjectNode()
          .put("Uri", "/studies/" + s.study() + "/series/" + s.series() + "/instances/" + s.sop());
      HttpResponse<byte[]> fetched = orthanc.post("/dicom-web/servers/" + REMOTE + "/get", get);
      assertThat(fetched.statusCode()).as(s.file()).isEqualTo(200);
      List<byte[]> parts = DicomWebRoutesIT.parts(fetched);
      assertThat(parts).as(s.file()).hasSize(1);
      byte[] file = Corpus.bytes(Corpus.file(s.file()));
      // What Orthanc sent is its stored copy, which Orthanc 1.10 keeps exactly as uploaded.
      byte[] orthancsCopy = orthanc.get("/instances/" + s.orthancId() + "/file").body();
      assertThat(Arrays.mismatch(orthancsCopy, file)).as("Orthanc's copy of %s differs at byte", s.file())
          .isEqualTo(-1);
      assertSameInstancePreambleAside(s.file(), parts.get(0), file);
    }
  }

  @Test
  void qidoAnswers_ofOrthancAndCustos_areEqual_exceptForTheKnownDifferences() throws Exception {
    QidoComparison comparison = new QidoComparison(facts);
    for (QidoQuery query : queries()) {
      comparison.compare(query, orthanc.json("/dicom-web" + query.orthancUri()), orthanc.root + "/dicom-web",
          custosJson("/dicom-web" + query.custosUri()), custos.https + "/dicom-web");
    }
    System.out.println(comparison.summary());

    assertThat(comparison.unexplained()).as("differences no KnownQidoDifference explains").isEmpty();
    assertThat(comparison.explained().keySet()).as("each known difference is still seen")
        .containsExactlyInAnyOrder(KnownQidoDifference.values());
  }

  /** Study, series and instance searches: by name, date range and modality, and every study's and series' contents. */
  static List<QidoQuery> queries() {
    List<QidoQuery> queries = new ArrayList<>(List.of(
        QidoQuery.of("all studies", "/studies"),
        QidoQuery.of("studies by a Patient's Name wild card", "/studies", "PatientName", "*o*"),
        QidoQuery.of("studies by a Patient's Name component group", "/studies", "PatientName", "Yamada^Tarou"),
        QidoQuery.of("studies in a Study Date range", "/studies", "StudyDate", "19900101-20041231"),
        QidoQuery.of("studies up to a Study Date", "/studies", "StudyDate", "-19991231"),
        QidoQuery.of("studies by Modalities in Study", "/studies", "ModalitiesInStudy", "MR"),
        QidoQuery.of("all series", "/series"),
        QidoQuery.of("series by Modality", "/series", "Modality", "MR"),
        QidoQuery.of("all instances", "/instances")));
    for (String study : new TreeSet<>(sent.stream().map(Sent::study).toList())) {
      queries.add(QidoQuery.of("series of a study", "/studies/" + study + "/series"));
    }
    Set<String> series = new LinkedHashSet<>();
    sent.forEach(s -> series.add("/studies/" + s.study() + "/series/" + s.series() + "/instances"));
    series.forEach(path -> queries.add(QidoQuery.of("instances of a series", path)));
    return queries;
  }

  /** Uploads each valid corpus file to Orthanc's REST API; keeps the first file of each instance. */
  private static List<Sent> storeTheValidCorpusInOrthanc() throws Exception {
    List<Sent> stored = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Path path : Corpus.category("valid")) {
      String file = Corpus.root().relativize(path).toString();
      HttpResponse<byte[]> answer = orthanc.post("/instances", Corpus.bytes(path));
      if (answer.statusCode() != 200) {
        refused.add(file);
        continue;
      }
      JsonNode status = Http.JSON.readTree(answer.body());
      if (!status.path("Status").asText().equals("Success")) {
        continue; // AlreadyStored: the corpus repeats SOP Instance UIDs on purpose (other transfer syntaxes)
      }
      DataSet header = DicomReader.read(path, ReadOptions.DEFAULT).dataSet();
      facts.add(file, header);
      stored.add(new Sent(file, status.path("ID").asText(), CorpusFacts.text(header, Tags.StudyInstanceUID),
          CorpusFacts.text(header, Tags.SeriesInstanceUID), CorpusFacts.text(header, Tags.SOPInstanceUID)));
    }
    assertThat(orthanc.isAlive()).as("Orthanc survives the valid corpus").isTrue();
    assertThat(refused).as("refused by Orthanc; expected: %s", REFUSED_BY_ORTHANC)
        .containsExactlyInAnyOrderElementsOf(REFUSED_BY_ORTHANC.keySet());
    assertThat(stored).extracting(Sent::sop).doesNotHaveDuplicates().hasSizeGreaterThan(50);
    return stored;
  }

  /**
   * Stores with the test's own STOW-RS client what Orthanc's push did not, from Orthanc's copies,
   * so that the read-side tests still run when the push fails; the push test fails on its own.
   */
  private static void storeWhatThePushMissed() throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (Sent s : sent) {
      if (!storedByThePush.contains(s.sop())) {
        missing.add(orthanc.get("/instances/" + s.orthancId() + "/file").body());
      }
    }
    if (!missing.isEmpty()) {
      HttpResponse<String> stored = Stow.post(custos.client, custos.url("/dicom-web/studies"), token,
          Stow.body(missing.toArray(byte[][]::new)));
      assertThat(stored.statusCode()).as("the test's own STOW-RS request").isIn(200, 202);
    }
  }

  private static Set<String> custosSopInstanceUids() throws Exception {
    Set<String> uids = new TreeSet<>();
    custosJson("/dicom-web/instances?limit=1000")
        .forEach(result -> uids.add(result.path("00080018").path("Value").path(0).asText()));
    return uids;
  }

  private static JsonNode custosJson(String path) throws Exception {
    HttpResponse<byte[]> response = custos.client.send(HttpRequest.newBuilder(custos.url(path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/dicom+json").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("Custos's answer to %s", path).isEqualTo(200);
    return Http.JSON.readTree(response.body());
  }

  /** Equal apart from the 128-byte preamble, which Custos zeroes unless it is a TIFF header (STOW warning B000). */
  private static void assertSameInstancePreambleAside(String file, byte[] served, byte[] sent) {
    assertThat(served.length).as("length of %s", file).isEqualTo(sent.length);
    assertThat(Arrays.mismatch(served, 128, served.length, sent, 128, sent.length))
        .as("first byte after the preamble where Custos's copy of %s differs", file).isEqualTo(-1);
  }
}
