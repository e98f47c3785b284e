package org.custos.server.dicomweb.wado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.server.dicomweb.DicomWebFixture.READER;
import static org.custos.server.dicomweb.DicomWebFixture.URLS;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.archive.ingest.InstanceMetadata;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebFixture;
import org.custos.server.dicomweb.Multipart;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.TestDicom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WADO-RS metadata: the sealed JSON from the index, equal to each instance's DICOM JSON apart from
 * BulkDataURIs, answered without blobs; and the latency of a 500-instance series, printed (not
 * asserted: a measurement, not a benchmark).
 */
class WadoMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private static final int SERIES_SIZE = 500;

  @TempDir
  static Path dir;
  static DicomWebFixture fixture;
  static WadoService wado;
  static final List<TestDicom> series = new ArrayList<>();
  static final Map<String, TestDicom> bySopUid = new HashMap<>();

  @BeforeAll
  static void load() {
    fixture = DicomWebFixture.create(dir);
    wado = new WadoService(fixture.archive(), URLS);
    TestDicom instance = TestDicom.fresh("valid/pydicom/MR_small.dcm", "META-1", "Meta^Data");
    for (int i = 1; i <= SERIES_SIZE; i++) {
      instance = instance.nextInstance().with(Tags.InstanceNumber, Vr.IS, Integer.toString(i));
      series.add(instance);
      bySopUid.put(instance.sopInstanceUid(), instance);
      fixture.ingest(instance.bytes());
    }
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static JsonNode metadata(ResourcePath path) {
    try {
      return JSON.readTree(Multipart.body(wado.metadata(path, "application/dicom+json", READER)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** What ingest sealed, with this server's bulk data URL in place of each placeholder. */
  private static JsonNode expected(TestDicom instance) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(InstanceMetadata.json(WadoServiceTest.read(instance.bytes()).dataSet()));
    json.findParents("BulkDataURI").forEach(parent -> ((ObjectNode) parent).put("BulkDataURI",
        URLS.bulkData(instance.studyUid(), instance.seriesUid(), instance.sopInstanceUid(),
            parent.get("BulkDataURI").asText().substring(InstanceMetadata.BULK_PREFIX.length()))));
    return json;
  }

  @Test
  void seriesMetadata_isEachInstancesDicomJson_withBulkDataUrlsOfThisServer() throws IOException {
    TestDicom first = series.get(0);
    JsonNode array = metadata(ResourcePath.series(first.studyUid(), first.seriesUid()));
    assertThat(array).hasSize(SERIES_SIZE);
    for (JsonNode object : array) {
      TestDicom instance = bySopUid.get(object.path("00080018").path("Value").path(0).asText());
      assertThat(object).isEqualTo(expected(instance));
    }
    assertThat(array.get(0).path("7FE00010").path("BulkDataURI").asText())
        .startsWith(URLS.root() + "/studies/" + first.studyUid() + "/series/" + first.seriesUid() + "/instances/")
        .endsWith("/bulkdata/7FE00010");
    assertThat(array.get(0).path("00180084").path("Value").path(0).decimalValue().toPlainString())
        .as("numbers keep every digit").isEqualTo("63.92433900");
  }

  @Test
  void instanceAndStudyMetadata_andOnlyJsonIsOffered() throws IOException {
    TestDicom one = series.get(7);
    JsonNode array = metadata(ResourcePath.instance(one.studyUid(), one.seriesUid(), one.sopInstanceUid()));
    assertThat(array).singleElement().isEqualTo(expected(one));
    assertThat(metadata(ResourcePath.study(one.studyUid()))).hasSize(SERIES_SIZE);
    assertThat(wado.metadata(ResourcePath.study(one.studyUid()), null, READER).contentType())
        .isEqualTo("application/dicom+json");
    assertThatThrownBy(() -> wado.metadata(ResourcePath.study(one.studyUid()),
        "multipart/related; type=\"application/dicom+xml\"", READER)).isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void metadata_isAnsweredFromTheIndex_evenWithEveryBlobGone() throws IOException {
    TestDicom gone = TestDicom.fresh("valid/pydicom/CT_small.dcm", "META-2", "No^Blob");
    fixture.ingest(gone.bytes());
    String blobId = fixture.archive().versions(gone.sopInstanceUid()).get(0).blobId().value();
    try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
      List<Path> blobs = files.filter(p -> p.getFileName().toString().contains(blobId)).toList();
      assertThat(blobs).isNotEmpty();
      for (Path blob : blobs) {
        Files.delete(blob);
      }
    }
    ResourcePath path = ResourcePath.instance(gone.studyUid(), gone.seriesUid(), gone.sopInstanceUid());
    assertThat(metadata(path)).singleElement().isEqualTo(expected(gone));
    assertThatThrownBy(() -> Multipart.body(wado.retrieve(path, null, READER))).isInstanceOf(RuntimeException.class);
  }

  @Test
  void p99_ofTheMetadataOfA500InstanceSeries_isMeasuredAndPrinted() {
    TestDicom first = series.get(0);
    ResourcePath path = ResourcePath.series(first.studyUid(), first.seriesUid());
    int warmup = 50;
    int runs = 200;
    long[] nanos = new long[runs];
    long bytes = 0;
    for (int i = -warmup; i < runs; i++) {
      long start = System.nanoTime();
      byte[] body = Multipart.body(wado.metadata(path, null, READER));
      long took = System.nanoTime() - start;
      if (i >= 0) {
        nanos[i] = took;
        bytes = body.length;
      }
    }
    Arrays.sort(nanos);
    double p50 = nanos[runs / 2] / 1e6;
    double p99 = nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6;
    System.out.printf("metadata of a %d-instance series (%d KiB of JSON), %d runs on SQLite: p50 %.1f ms, p99 %.1f ms,"
        + " max %.1f ms%n", SERIES_SIZE, bytes / 1024, runs, p50, p99, nanos[runs - 1] / 1e6);
    assertThat(bytes).isPositive();
    assertThat(p99).isGreaterThanOrEqualTo(p50);
  }
}
