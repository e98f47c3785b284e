package org.custos.server.dicomweb.wado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.server.dicomweb.DicomWebFixture.READER;
import static org.custos.server.dicomweb.DicomWebFixture.URLS;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.image.FrameDecoder;
import org.custos.server.dicomweb.DicomWebFixture;
import org.custos.server.dicomweb.DicomWebResponse;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.Multipart;
import org.custos.server.dicomweb.Multipart.Part;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourceNotFoundException;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.TestDicom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WADO-RS retrieve, bulk data and frames on a real archive, parsed back byte by byte. */
class WadoServiceTest {
  private static final String ANY_SYNTAX = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
  private static final String EXPLICIT_LE = "multipart/related; type=\"application/dicom\"; transfer-syntax="
      + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

  @TempDir
  static Path dir;
  static DicomWebFixture fixture;
  static WadoService wado;
  static TestDicom mr1;
  static TestDicom mr2;
  static TestDicom ct;
  static TestDicom implicit;
  static TestDicom bigEndian;
  static TestDicom deflated;
  static TestDicom rle;
  static TestDicom rle2;
  static TestDicom jpeg;
  static TestDicom jpegLs;
  static TestDicom dose;
  static TestDicom sr;
  static Path noMeta;

  @BeforeAll
  static void load() throws IOException {
    fixture = DicomWebFixture.create(dir);
    wado = new WadoService(fixture.archive(), URLS);
    mr1 = TestDicom.fresh("valid/pydicom/MR_small.dcm", "W-1", "Wado^Mr");
    mr2 = mr1.nextInstance();
    ct = TestDicom.of("valid/pydicom/CT_small.dcm").with(Tags.PatientID, Vr.LO, "W-1")
        .with(Tags.PatientName, Vr.PN, "Wado^Mr").with(Tags.PatientBirthDate, Vr.DA, "")
        .with(Tags.StudyInstanceUID, Vr.UI, mr1.studyUid()).with(Tags.SeriesInstanceUID, Vr.UI, TestDicom.uid())
        .with(Tags.SOPInstanceUID, Vr.UI, TestDicom.uid());
    implicit = TestDicom.fresh("valid/pydicom/MR_small_implicit.dcm", "W-2", "Wado^Implicit");
    bigEndian = TestDicom.fresh("valid/pydicom/MR_small_bigendian.dcm", "W-3", "Wado^Big");
    deflated = TestDicom.fresh("valid/pydicom/image_dfl.dcm", "W-4", "Wado^Deflated");
    rle = TestDicom.fresh("valid/pydicom/MR_small_RLE.dcm", "W-5", "Wado^Rle");
    rle2 = TestDicom.fresh("valid/pydicom/SC_rgb_rle_2frame.dcm", "W-6", "Wado^Rle2");
    jpeg = TestDicom.fresh("valid/pydicom/SC_rgb_jpeg_dcmtk.dcm", "W-7", "Wado^Jpeg");
    jpegLs = TestDicom.fresh("valid/pydicom/MR_small_jpeg_ls_lossless.dcm", "W-8", "Wado^Jls");
    dose = TestDicom.fresh("valid/pydicom/rtdose.dcm", "W-9", "Wado^Dose");
    sr = TestDicom.fresh("valid/pydicom/test-SR.dcm", "W-10", "Wado^Sr");
    for (TestDicom instance : List.of(mr1, mr2, ct, implicit, bigEndian, deflated, rle, rle2, jpeg, jpegLs, dose, sr)) {
      fixture.ingest(instance.bytes());
    }
    noMeta = TestDicom.corpus("edge/pydicom/rtstruct.dcm");
    fixture.ingest(noMeta);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  static ResourcePath path(TestDicom instance) {
    return ResourcePath.instance(instance.studyUid(), instance.seriesUid(), instance.sopInstanceUid());
  }

  private static List<Part> retrieve(ResourcePath path, String accept) {
    DicomWebResponse response = wado.retrieve(path, accept, READER);
    assertThat(response.contentType()).startsWith("multipart/related; type=\"application/dicom\"; boundary=");
    return Multipart.parts(response);
  }

  @Test
  void studySeriesAndInstance_comeBackAsMultipart_eachPartByteIdenticalToWhatWasStored() {
    List<Part> study = retrieve(ResourcePath.study(mr1.studyUid()), ANY_SYNTAX);
    assertThat(study).extracting(Part::body).containsExactlyInAnyOrder(mr1.bytes(), mr2.bytes(), ct.bytes());
    assertThat(study).allSatisfy(part -> {
      assertThat(part.contentType()).startsWith("application/dicom; transfer-syntax=1.2.840.10008.1.2.1");
      assertThat(part.headers().get("content-length")).isEqualTo(Integer.toString(part.body().length));
    });
    List<Part> series = retrieve(ResourcePath.series(mr1.studyUid(), mr1.seriesUid()), null);
    assertThat(series).extracting(Part::body).containsExactlyInAnyOrder(mr1.bytes(), mr2.bytes());
    assertThat(retrieve(path(rle), "*/*")).extracting(Part::body).containsExactly(rle.bytes());
    assertThat(retrieve(path(implicit), "multipart/related; type=\"application/dicom\"")).singleElement()
        .satisfies(part -> assertThat(part.body()).isEqualTo(implicit.bytes()))
        .satisfies(part -> assertThat(part.contentType()).endsWith("transfer-syntax=1.2.840.10008.1.2"));
  }

  @Test
  void oneInstance_mayComeAsASinglePartApplicationDicomBody() {
    DicomWebResponse response = wado.retrieve(path(jpeg), "application/dicom", READER);
    assertThat(response.contentType()).isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2.4.50");
    assertThat(Multipart.body(response)).isEqualTo(jpeg.bytes());
    assertThatThrownBy(() -> wado.retrieve(ResourcePath.study(mr1.studyUid()), "application/dicom", READER))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void explicitLittleEndian_isMadeFromImplicitBigEndianAndDeflatedInstances() {
    for (TestDicom instance : List.of(implicit, bigEndian, deflated)) {
      Part part = retrieve(path(instance), EXPLICIT_LE).get(0);
      assertThat(part.contentType()).isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2.1");
      DicomFile transcoded = read(part.body());
      assertThat(transcoded.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
      assertThat(transcoded.fileMeta().orElseThrow().elements().getString(Tags.TransferSyntaxUID))
          .contains(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
      assertThat(transcoded.dataSet()).as(instance.sopInstanceUid()).isEqualTo(read(instance.bytes()).dataSet());
    }
    assertThat(retrieve(path(mr1), EXPLICIT_LE)).extracting(Part::body).containsExactly(mr1.bytes());
  }

  @Test
  void aTransferSyntaxThatCannotBeMade_is406_beforeAnythingIsSent() {
    assertThatThrownBy(() -> wado.retrieve(path(rle), EXPLICIT_LE, READER)).isInstanceOf(NotAcceptableException.class);
    assertThatThrownBy(() -> wado.retrieve(path(mr1),
        "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50", READER))
        .isInstanceOf(NotAcceptableException.class);
    assertThatThrownBy(() -> wado.retrieve(path(mr1), "application/dicom+json", READER))
        .isInstanceOf(NotAcceptableException.class).hasMessageContaining("application/dicom");
    // A later, acceptable range is used.
    assertThat(retrieve(path(rle), EXPLICIT_LE + ", " + ANY_SYNTAX + ";q=0.5")).extracting(Part::body)
        .containsExactly(rle.bytes());
  }

  @Test
  void anObjectStoredWithoutFileMeta_getsAGeneratedOne_beforeItsUnchangedBytes() throws IOException {
    DataSet stored = DicomReader.read(noMeta, ReadOptions.DEFAULT).dataSet();
    ResourcePath path = ResourcePath.instance(stored.getString(Tags.StudyInstanceUID).orElseThrow(),
        stored.getString(Tags.SeriesInstanceUID).orElseThrow(), stored.getString(Tags.SOPInstanceUID).orElseThrow());
    byte[] body = retrieve(path, ANY_SYNTAX).get(0).body();
    DicomFile file = read(body);
    assertThat(Arrays.copyOfRange(body, 128, 132)).isEqualTo("DICM".getBytes());
    assertThat(file.fileMeta().orElseThrow().mediaStorageSopInstanceUid())
        .contains(stored.getString(Tags.SOPInstanceUID).orElseThrow());
    assertThat(Arrays.copyOfRange(body, (int) file.dataSetOffset(), body.length)).isEqualTo(Files.readAllBytes(noMeta));
  }

  @Test
  void unknownOrMisnestedUids_are404_andMalformedOnes400() {
    assertThatThrownBy(() -> wado.retrieve(ResourcePath.study("1.2.3.4"), null, READER))
        .isInstanceOf(ResourceNotFoundException.class).hasMessage("no such study");
    assertThatThrownBy(() -> wado.retrieve(ResourcePath.series(mr1.studyUid(), rle.seriesUid()), null, READER))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("series");
    assertThatThrownBy(() -> wado.retrieve(ResourcePath.instance(mr1.studyUid(), mr1.seriesUid(), ct.sopInstanceUid()),
        null, READER)).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("instance");
    assertThatThrownBy(() -> ResourcePath.study("1.2.x")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void bulkData_isTheValueLittleEndian_inMemoryOrStreamed_fromAnyByteOrder() {
    byte[] pixels = pixelBytes(mr1);
    Part part = Multipart.parts(wado.bulkData(path(mr1), "7FE00010", null, READER)).get(0);
    assertThat(part.body()).isEqualTo(pixels);
    assertThat(part.contentType()).startsWith("application/octet-stream");
    assertThat(Multipart.body(wado.bulkData(path(bigEndian), "7FE00010", "application/octet-stream", READER)))
        .as("the big endian copy of the same image").isEqualTo(pixels);
    assertThat(Multipart.parts(wado.bulkData(path(ct), "7FE00010", null, READER)).get(0).body())
        .as("32 KiB: read through the channel").isEqualTo(pixelBytes(ct));
    assertThatThrownBy(() -> wado.bulkData(path(mr1), "7FE0", null, READER)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> wado.bulkData(path(mr1), "00091234", null, READER))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> wado.bulkData(path(mr1), "7FE00010", "image/png", READER))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void nativeFrames_areOctetStreamSlicesOfThePixelData() {
    DataSet doseSet = read(dose.bytes()).dataSet();
    byte[] pixels = pixelBytes(dose);
    int frameBytes = pixels.length / doseSet.getInt(Tags.NumberOfFrames).orElseThrow();
    List<Part> parts = Multipart.parts(wado.frames(path(dose), "1,15,3", null, READER));
    assertThat(parts).extracting(Part::body).containsExactly(
        Arrays.copyOfRange(pixels, 0, frameBytes),
        Arrays.copyOfRange(pixels, 14 * frameBytes, 15 * frameBytes),
        Arrays.copyOfRange(pixels, 2 * frameBytes, 3 * frameBytes));
    assertThat(parts).allSatisfy(p ->
        assertThat(p.contentType()).isEqualTo("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"));
    assertThat(Multipart.body(wado.frames(path(bigEndian), "1", "application/octet-stream", READER)))
        .isEqualTo(pixelBytes(mr1));
    assertThatThrownBy(() -> wado.frames(path(dose), "16", null, READER)).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> wado.frames(path(dose), "0", null, READER)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> wado.frames(path(dose), "1,x", null, READER)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> wado.frames(path(sr), "1", null, READER)).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> wado.frames(path(mr1), "1", "multipart/related; type=\"image/jpeg\"", READER))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void rleFrames_comeAsStored_asDicomRleOrOctetStream_orDecoded() {
    List<Value> fragments = fragments(rle2);
    List<Part> stored = Multipart.parts(wado.frames(path(rle2), "2,1", "*/*", READER));
    assertThat(stored).extracting(Part::body).containsExactly(bytes(fragments.get(1)), bytes(fragments.get(0)));
    assertThat(stored.get(0).contentType()).isEqualTo("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5");
    assertThat(Multipart.parts(wado.frames(path(rle2), "1",
        "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*", READER)).get(0).contentType())
        .isEqualTo("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.5");
    List<Part> decoded = Multipart.parts(wado.frames(path(rle2), "2",
        "multipart/related; type=\"application/octet-stream\"", READER));
    DataSet set = read(rle2.bytes()).dataSet();
    int[] samples = new FrameDecoder().decodeFrame(set, TransferSyntax.of("1.2.840.10008.1.2.5").orElseThrow(), 1,
        org.custos.dicom.BulkDataSource.NONE).toArray();
    byte[] expected = new byte[samples.length];
    for (int i = 0; i < samples.length; i++) {
      expected[i] = (byte) samples[i];
    }
    assertThat(decoded.get(0).body()).hasSize(100 * 100 * 3).isEqualTo(expected);
    assertThat(decoded.get(0).contentType()).isEqualTo("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1");
    assertThat(Multipart.parts(wado.frames(path(rle), "1", "multipart/related; type=\"image/dicom-rle\"", READER))
        .get(0).body()).isEqualTo(bytes(fragments(rle).get(0)));
  }

  @Test
  void jpegFrames_comeAsImageJpeg_andDecode() throws IOException {
    Part part = Multipart.parts(wado.frames(path(jpeg), "1", "multipart/related; type=\"image/jpeg\"", READER)).get(0);
    assertThat(part.contentType()).isEqualTo("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50");
    byte[] concatenated = fragments(jpeg).stream().map(WadoServiceTest::bytes)
        .reduce(new byte[0], WadoServiceTest::concat);
    assertThat(part.body()).isEqualTo(concatenated);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.body()));
    assertThat(image.getWidth()).isEqualTo(100);
    assertThat(Multipart.body(wado.frames(path(jpeg), "1", "image/jpeg", READER))).isEqualTo(concatenated);
  }

  @Test
  void framesTheCodecCannotDecode_areSentAsStored_butNotUncompressed() {
    assertThatThrownBy(() -> wado.frames(path(jpegLs), "1", "multipart/related; type=\"application/octet-stream\"",
        READER)).isInstanceOf(NotAcceptableException.class).hasMessageContaining("image/jls");
    Part part = Multipart.parts(wado.frames(path(jpegLs), "1", "multipart/related; type=\"image/jls\"", READER)).get(0);
    assertThat(part.contentType()).isEqualTo("image/jls; transfer-syntax=1.2.840.10008.1.2.4.80");
    assertThat(part.body()).isEqualTo(bytes(fragments(jpegLs).get(0)));
  }

  @Test
  void encapsulatedPixelData_asBulkData_isSentFrameByFrame() {
    List<Part> parts = Multipart.parts(wado.bulkData(path(rle2), "7FE00010", null, READER));
    assertThat(parts).extracting(Part::body).containsExactly(bytes(fragments(rle2).get(0)), bytes(fragments(rle2).get(1)));
  }

  @Test
  void eachRead_isOneAccessEntryInTheLog_beforeAnyByteIsServed() {
    long before = fixture.archive().log().size();
    wado.metadata(path(mr1), null, READER);
    wado.retrieve(path(mr1), ANY_SYNTAX, READER);
    assertThat(fixture.archive().log().size()).isEqualTo(before + 2);
    org.custos.archive.index.LogEntryRow last = fixture.archive().context().index()
        .read(s -> s.logEntry(before + 1)).orElseThrow();
    org.custos.archive.index.PatientRow patient = fixture.archive().context().index()
        .read(s -> s.patient(last.ownerId().orElseThrow())).orElseThrow();
    java.util.Map<String, Object> entry = fixture.archive().log().opener().open(last, java.util.Optional.of(patient))
        .content().orElseThrow().entry();
    assertThat(entry).containsEntry("type", "access").containsEntry("principal", "test:reader")
        .containsEntry("action", "RETRIEVE").containsEntry("purpose", "treatment");
  }

  @Test
  void aReadTheArchiveRefusesToRecord_returnsNoResponse() {
    // Archive.recordRead refuses a missing access; the services must let that stop the request.
    assertThatThrownBy(() -> wado.retrieve(path(mr1), null, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("access");
    assertThatThrownBy(() -> wado.metadata(path(mr1), null, null)).hasMessage("access");
    assertThatThrownBy(() -> wado.frames(path(mr1), "1", null, null)).hasMessage("access");
    assertThatThrownBy(() -> wado.bulkData(path(mr1), "7FE00010", null, null)).hasMessage("access");
  }

  static DicomFile read(byte[] bytes) {
    return DicomReader.read(new ByteArrayInputStream(bytes), bytes.length, ReadOptions.DEFAULT.withAllValuesInMemory());
  }

  static byte[] pixelBytes(TestDicom instance) {
    return bytes(read(instance.bytes()).dataSet().get(Tags.PixelData).orElseThrow().value());
  }

  static List<Value> fragments(TestDicom instance) {
    return ((Value.Fragments) read(instance.bytes()).dataSet().get(Tags.PixelData).orElseThrow().value()).fragments();
  }

  static byte[] bytes(Value value) {
    return ((Value.Bytes) value).bytes();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
