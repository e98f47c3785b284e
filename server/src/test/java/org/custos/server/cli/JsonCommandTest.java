package org.custos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Value;
import org.custos.dicom.json.DicomJsonReader;
import org.custos.dicom.json.FileBulkData;
import org.junit.jupiter.api.Test;

class JsonCommandTest {
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Path corpusFile(String name) {
    return Path.of(CliRun.corpus(name));
  }

  @Test
  void charsetFile_printsOneJsonObject_withUnicodeNames() throws Exception {
    CliRun run = CliRun.of("dicom", "json", corpusFile("valid/pydicom-charset/chrH31.dcm").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"Ideographic\":\"山田^太郎\"").endsWith("}" + System.lineSeparator());
    JsonNode tree = MAPPER.readTree(run.out());
    assertThat(tree.isObject()).isTrue();
    assertThat(tree.path("00100010").path("vr").asText()).isEqualTo("PN");
  }

  @Test
  void bulkDataOver1KiB_isAUriIntoTheFile_thatResolvesBack() {
    Path file = corpusFile("valid/pydicom/CT_small.dcm");
    DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT.withBulkThresholdBytes(1024));
    BulkRef ref = ((Value.Bulk) parsed.dataSet().get(PIXEL_DATA).orElseThrow().value()).ref();
    CliRun run = CliRun.of("dicom", "json", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"file://" + file
        + "?offset=" + ref.offset() + "&length=" + ref.length() + "\"}");
    DataSet back = DicomJsonReader.read(new StringReader(run.out()), FileBulkData.of(file, parsed).resolver());
    assertThat(back.get(PIXEL_DATA).orElseThrow().value()).isEqualTo(new Value.Bulk(ref));
  }

  @Test
  void inline_writesPixelDataOfABigEndianFile_littleEndian() throws Exception {
    Path file = corpusFile("valid/pydicom/MR_small_bigendian.dcm");
    CliRun run = CliRun.of("dicom", "json", "--inline", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("BulkDataURI");
    byte[] inline = Base64.getDecoder().decode(MAPPER.readTree(run.out()).path("7FE00010").path("InlineBinary").asText());
    DataSet inMemory = DicomReader.read(file, ReadOptions.DEFAULT.withAllValuesInMemory()).dataSet();
    assertThat(inline).isEqualTo(((Value.Bytes) inMemory.get(PIXEL_DATA).orElseThrow().value()).bytes());
  }

  @Test
  void deflatedFile_marksOffsetsAsInflated() {
    CliRun run = CliRun.of("dicom", "json", corpusFile("valid/pydicom/image_dfl.dcm").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("\"7FE00010\":\\{\"vr\":\"O[BW]\",\"BulkDataURI\":\"file://[^\"]+"
        + "\\?offset=\\d+&length=262144&deflated=true\"");
  }

  @Test
  void encapsulatedPixelData_isAUriOfTheWholeValueField() {
    CliRun run = CliRun.of("dicom", "json", corpusFile("valid/pydicom/SC_rgb_jpeg_dcmtk.dcm").toString());
    assertThat(run.out()).containsPattern("\"7FE00010\":\\{\"vr\":\"OB\",\"BulkDataURI\":\"file://[^\"]+"
        + "\\?offset=\\d+&length=\\d+&encapsulated=true\"");
  }

  @Test
  void pretty_indents() {
    CliRun run = CliRun.of("dicom", "json", "--pretty", corpusFile("valid/pydicom/MR_small.dcm").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("{" + System.lineSeparator().charAt(0)).contains("\n  \"00080008\" : {");
  }

  @Test
  void missingFile_failsWithOneLine() throws Exception {
    Path missing = Files.createTempDirectory("custos-json").resolve("absent.dcm");
    CliRun run = CliRun.of("dicom", "json", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("custos: cannot read the DICOM file: no such file ").contains("absent.dcm").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void dataSetJsonCannotRepresent_failsWithTheTag() {
    CliRun run = CliRun.of("dicom", "json", corpusFile("malformed/pydicom/winter.dcm").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("twice").contains("(0008,0018)");
    assertThatThrownBy(() -> MAPPER.readTree(run.out())).as("output cut short is not well-formed JSON")
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void mainRun_printsToStandardOutput() {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertThat(Main.run("dicom", "json", corpusFile("valid/pydicom/MR_small.dcm").toString())).isZero();
    } finally {
      System.setOut(saved);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("{\"00080008\":{\"vr\":\"CS\",\"Value\":[");
  }
}
