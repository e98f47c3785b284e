package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.TransferSyntax;
import org.custos.server.dicomweb.multipart.MediaType;
import org.custos.server.dicomweb.multipart.MultipartReader;
import org.custos.server.dicomweb.multipart.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, section 4, WADO-RS Accept variants on the packaged server, over instances in six transfer
 * syntaxes (one study of the same 64x64 MR image as Explicit and Implicit VR LE, Explicit VR BE, RLE
 * and JPEG-LS, and a JPEG baseline colour image): {@code transfer-syntax=*} and an explicit
 * transfer syntax (Explicit VR LE made when possible, 406 when not), octet-stream frames for
 * uncompressed data and the native compressed type otherwise, DICOM JSON metadata, PNG and JPEG
 * rendered, quality factors and wildcards. Every 406 is before any byte, in JSON.
 */
class WadoAcceptIT {
  static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  static final String DICOM = "multipart/related; type=\"application/dicom\"";
  static final String OCTETS = "multipart/related; type=\"application/octet-stream\"";

  @TempDir
  static Path dir;
  static RunningServer server;
  static String reader;
  static String study;
  static Corpus.Fresh explicit;
  static Corpus.Fresh implicit;
  static Corpus.Fresh bigEndian;
  static Corpus.Fresh rle;
  static Corpus.Fresh jpegLs;
  static Corpus.Fresh jpeg;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(RunningServer.newHome(dir));
    reader = server.apiKey(Set.of("dicom.read"), Optional.empty());
    String writer = server.apiKey(Set.of("dicom.write"), Optional.empty());
    study = Corpus.uid();
    explicit = Corpus.fresh("valid/pydicom/MR_small.dcm", study);
    implicit = Corpus.fresh("valid/pydicom/MR_small_implicit.dcm", study);
    bigEndian = Corpus.fresh("valid/pydicom/MR_small_bigendian.dcm", study);
    rle = Corpus.fresh("valid/pydicom/MR_small_RLE.dcm", study);
    jpegLs = Corpus.fresh("valid/pydicom/MR_small_jpeg_ls_lossless.dcm", study);
    jpeg = Corpus.fresh("valid/pydicom/SC_rgb_jpeg_dcmtk.dcm", Corpus.uid()); // another patient: another study
    HttpResponse<String> response = server.stow(writer,
        Stow.body(explicit.bytes(), implicit.bytes(), bigEndian.bytes(), rle.bytes(), jpegLs.bytes(), jpeg.bytes()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<byte[]> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).header("Authorization", "Bearer " + reader);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return server.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> ok(String path, String accept) throws Exception {
    HttpResponse<byte[]> response = get(path, accept);
    assertThat(response.statusCode()).as(path + " Accept: " + accept + " " + new String(response.body()))
        .isEqualTo(200);
    return response;
  }

  static void assertNotAcceptable(String path, String accept) throws Exception {
    HttpResponse<byte[]> response = get(path, accept);
    assertThat(response.statusCode()).as(path + " Accept: " + accept).isEqualTo(406);
    assertThat(Http.header(response, "Content-Type")).isEqualTo("application/json");
    assertThat(Http.JSON.readTree(response.body()).path("error").asText()).isEqualTo("Not Acceptable");
  }

  static String path(Corpus.Fresh fresh) {
    return "/dicom-web/studies/" + fresh.study() + "/series/" + fresh.series() + "/instances/" + fresh.sop();
  }

  /** Each part's Content-Type and body. */
  record Typed(String contentType, byte[] body) {}

  static List<Typed> parts(HttpResponse<byte[]> response) throws Exception {
    MediaType type = MediaType.parse(Http.header(response, "Content-Type"));
    assertThat(type.essence()).isEqualTo("multipart/related");
    MultipartReader multipart = new MultipartReader(new ByteArrayInputStream(response.body()),
        type.parameter("boundary").orElseThrow());
    List<Typed> parts = new ArrayList<>();
    Optional<Part> part;
    while ((part = multipart.next()).isPresent()) {
      parts.add(new Typed(part.get().header("Content-Type").orElse(""), part.get().body().readAllBytes()));
    }
    return parts;
  }

  static Typed single(HttpResponse<byte[]> response) throws Exception {
    List<Typed> parts = parts(response);
    assertThat(parts).hasSize(1);
    return parts.get(0);
  }

  static boolean sameInstance(byte[] served, byte[] sent) {
    return served.length == sent.length
        && Arrays.equals(Arrays.copyOfRange(served, 128, served.length), Arrays.copyOfRange(sent, 128, sent.length));
  }

  static DicomFile read(byte[] file) {
    return DicomReader.read(new ByteArrayInputStream(file), file.length, ReadOptions.DEFAULT.withAllValuesInMemory());
  }

  static String syntax(Corpus.Fresh fresh) {
    return read(fresh.bytes()).transferSyntax().uid();
  }

  @Test
  void transferSyntaxStar_noParameter_andWildcards_sendEveryInstanceAsStored() throws Exception {
    List<Corpus.Fresh> all = List.of(explicit, implicit, bigEndian, rle, jpegLs);
    for (String accept : new String[] {DICOM + "; transfer-syntax=*", DICOM, "*/*", "multipart/*", null,
        "application/dicom+json;q=0.9, " + DICOM + "; transfer-syntax=*"}) {
      List<Typed> parts = parts(ok("/dicom-web/studies/" + study, accept));
      assertThat(parts).as(accept).hasSize(all.size());
      for (Corpus.Fresh fresh : all) {
        assertThat(parts).as(accept).anySatisfy(part -> {
          assertThat(sameInstance(part.body(), fresh.bytes())).isTrue();
          assertThat(part.contentType()).isEqualTo("application/dicom; transfer-syntax=" + syntax(fresh));
        });
      }
    }
  }

  @Test
  void explicitVrLittleEndian_isMadeFromNativeInstances_andIs406ForCompressedOnes() throws Exception {
    String asked = DICOM + "; transfer-syntax=" + EXPLICIT_LE;
    for (Corpus.Fresh fresh : List.of(implicit, bigEndian)) {
      Typed part = single(ok(path(fresh), asked));
      assertThat(part.contentType()).isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT_LE);
      DicomFile transcoded = read(part.body());
      assertThat(transcoded.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
      assertThat(transcoded.dataSet()).as("the same data set, re-encoded").isEqualTo(read(fresh.bytes()).dataSet());
    }
    assertThat(sameInstance(single(ok(path(explicit), asked)).body(), explicit.bytes())).as("already so").isTrue();
    HttpResponse<byte[]> singlePart = ok(path(implicit), "application/dicom; transfer-syntax=" + EXPLICIT_LE);
    assertThat(Http.header(singlePart, "Content-Type")).isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT_LE);
    assertThat(read(singlePart.body()).transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    for (Corpus.Fresh compressed : List.of(rle, jpegLs, jpeg)) {
      assertNotAcceptable(path(compressed), asked);
    }
    assertNotAcceptable("/dicom-web/studies/" + study, asked); // one compressed instance is enough: no partial body
    assertNotAcceptable(path(explicit), DICOM + "; transfer-syntax=1.2.840.10008.1.2.4.50");
    assertNotAcceptable(path(explicit), DICOM + "; transfer-syntax=1.2.3.4");
    assertNotAcceptable("/dicom-web/studies/" + study, "application/dicom"); // one body cannot hold five instances
  }

  @Test
  void qualityFactors_chooseTheBestRangeThatCanBeMet_notTheFirstWritten() throws Exception {
    String explicitLe = DICOM + "; transfer-syntax=" + EXPLICIT_LE;
    String star = DICOM + "; transfer-syntax=*";
    // RLE cannot become Explicit VR LE here: the lower-quality range is used, as stored.
    Typed part = single(ok(path(rle), explicitLe + ", " + star + "; q=0.5"));
    assertThat(part.contentType()).endsWith("transfer-syntax=1.2.840.10008.1.2.5");
    assertThat(sameInstance(part.body(), rle.bytes())).isTrue();
    // Implicit VR: the higher quality wins whatever the order.
    assertThat(single(ok(path(implicit), star + "; q=0.4, " + explicitLe + "; q=0.9")).contentType())
        .endsWith("transfer-syntax=" + EXPLICIT_LE);
    assertThat(single(ok(path(implicit), explicitLe + "; q=0.3, " + star)).contentType())
        .endsWith("transfer-syntax=1.2.840.10008.1.2");
    assertThat(single(ok(path(implicit), "image/jpeg, " + explicitLe + "; q=0.1")).contentType())
        .endsWith("transfer-syntax=" + EXPLICIT_LE);
  }

  @Test
  void frames_areOctetStreamWhenUncompressed_andTheNativeTypeOtherwise() throws Exception {
    Typed nativeFrame = single(ok(path(explicit) + "/frames/1", OCTETS));
    assertThat(nativeFrame.contentType()).isEqualTo("application/octet-stream; transfer-syntax=" + EXPLICIT_LE);
    assertThat(nativeFrame.body()).hasSize(64 * 64 * 2);
    byte[] pixels = nativeFrame.body();
    // The same image stored big endian comes little endian; stored as RLE, decoded on request, equal.
    assertThat(single(ok(path(bigEndian) + "/frames/1", OCTETS)).body()).isEqualTo(pixels);
    assertThat(ok(path(implicit) + "/frames/1", "application/octet-stream").body()).as("single part").isEqualTo(pixels);
    Typed decoded = single(ok(path(rle) + "/frames/1", OCTETS));
    assertThat(decoded.contentType()).isEqualTo("application/octet-stream; transfer-syntax=" + EXPLICIT_LE);
    assertThat(decoded.body()).as("RLE decoded to the same samples").isEqualTo(pixels);

    for (String any : new String[] {"*/*", "multipart/related", null}) {
      assertThat(single(ok(path(rle) + "/frames/1", any)).contentType()).as(any)
          .isEqualTo("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5");
      assertThat(single(ok(path(explicit) + "/frames/1", any)).contentType()).as(any)
          .isEqualTo("application/octet-stream; transfer-syntax=" + EXPLICIT_LE);
    }
    assertThat(single(ok(path(rle) + "/frames/1", OCTETS + "; transfer-syntax=*")).contentType())
        .isEqualTo("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.5");
    Typed jpegFrame = single(ok(path(jpeg) + "/frames/1", "multipart/related; type=\"image/jpeg\""));
    assertThat(jpegFrame.contentType()).isEqualTo("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50");
    assertThat(ImageIO.read(new ByteArrayInputStream(jpegFrame.body())).getWidth()).isEqualTo(100);
    assertThat(single(ok(path(jpegLs) + "/frames/1", "multipart/related; type=\"image/jls\"")).contentType())
        .isEqualTo("image/jls; transfer-syntax=1.2.840.10008.1.2.4.80");
    // The codec cannot decode JPEG-LS: uncompressed is not possible. Native data is not JPEG.
    assertNotAcceptable(path(jpegLs) + "/frames/1", OCTETS);
    assertNotAcceptable(path(explicit) + "/frames/1", "multipart/related; type=\"image/jpeg\"");
    assertNotAcceptable(path(rle) + "/frames/1", "multipart/related; type=\"image/jpeg\"");
    assertThat(single(ok(path(jpegLs) + "/frames/1", OCTETS + ", multipart/related; type=\"image/jls\"; q=0.5"))
        .contentType()).startsWith("image/jls");
  }

  @Test
  void metadata_isDicomJson_forJsonAndWildcardAccepts_andNothingElse() throws Exception {
    for (String accept : new String[] {"application/dicom+json", "application/json", "*/*", "application/*", null,
        "application/dicom+xml, application/dicom+json;q=0.1"}) {
      HttpResponse<byte[]> response = ok(path(rle) + "/metadata", accept);
      assertThat(Http.header(response, "Content-Type")).as(accept).startsWith("application/dicom+json");
      assertThat(Http.JSON.readTree(response.body()).get(0).path("00080018").path("Value").get(0).asText())
          .isEqualTo(rle.sop());
    }
    assertNotAcceptable(path(rle) + "/metadata", "multipart/related; type=\"application/dicom+xml\"");
    assertNotAcceptable("/dicom-web/studies/" + study + "/metadata", "application/dicom");
  }

  @Test
  void rendered_isPngOrJpeg_byQualityAndWildcards() throws Exception {
    String[][] cases = {
        {"image/png", "png"}, {"image/jpeg", "jpeg"}, {"image/*", "jpeg"}, {"*/*", "jpeg"}, {null, "jpeg"},
        {"image/png;q=0.5, image/jpeg;q=0.8", "jpeg"}, {"image/jpeg;q=0.2, image/png", "png"},
        {"image/gif, image/png;q=0.1", "png"},
    };
    for (Corpus.Fresh fresh : List.of(explicit, jpeg)) {
      for (String[] c : cases) {
        HttpResponse<byte[]> response = ok(path(fresh) + "/rendered", c[0]);
        assertThat(Http.header(response, "Content-Type")).as(c[0]).isEqualTo("image/" + c[1]);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).as(c[0]).isEqualTo(fresh == jpeg ? 100 : 64);
      }
      assertNotAcceptable(path(fresh) + "/rendered", "image/gif");
      assertNotAcceptable(path(fresh) + "/rendered", "text/html, application/dicom");
    }
    // JPEG-LS cannot be decoded here, so it cannot be rendered either.
    assertNotAcceptable(path(jpegLs) + "/rendered", "image/png");
  }

  @Test
  void wadoUri_takesItsTransferSyntaxAndContentTypeFromParameters() throws Exception {
    String base = "/wado?requestType=WADO&studyUID=" + study + "&contentType=application/dicom";
    String implicitUri = base + "&seriesUID=" + implicit.series() + "&objectUID=" + implicit.sop();
    HttpResponse<byte[]> transcoded = ok(implicitUri + "&transferSyntax=" + EXPLICIT_LE, null);
    assertThat(read(transcoded.body()).transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    assertThat(sameInstance(ok(implicitUri, null).body(), implicit.bytes())).isTrue();
    assertNotAcceptable(base + "&seriesUID=" + rle.series() + "&objectUID=" + rle.sop() + "&transferSyntax="
        + EXPLICIT_LE, null);
    HttpResponse<byte[]> png = ok("/wado?requestType=WADO&studyUID=" + jpeg.study() + "&seriesUID=" + jpeg.series()
        + "&objectUID=" + jpeg.sop() + "&contentType=image/gif,image/png", null);
    assertThat(Http.header(png, "Content-Type")).isEqualTo("image/png");
  }
}
