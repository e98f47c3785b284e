package org.custos.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.junit.jupiter.api.Test;

class DicomJsonWriterTest {
  private static final int PATIENT_NAME = 0x00100010;

  private static String json(DataSet ds) {
    return DicomJsonWriter.toJson(ds, JsonOptions.DEFAULT);
  }

  private static DataSet utf8() {
    return DataSet.builder().addText(0x00080005, Vr.CS, "ISO_IR 192").build();
  }

  @Test
  void personName_isAnObjectOfComponentGroups() {
    DataSet ds = utf8().toBuilder().addText(PATIENT_NAME, Vr.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう").build();
    assertThat(json(ds)).contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
        + "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}]}");
  }

  @Test
  void personName_emptyGroupsAreLeftOut_andAllEmptyIsNull() {
    DataSet ds = DataSet.builder().addText(PATIENT_NAME, Vr.PN, "Doe^J==DOE", "==", "=Ideo").build();
    assertThat(json(ds)).contains("\"Value\":[{\"Alphabetic\":\"Doe^J\",\"Phonetic\":\"DOE\"},null,"
        + "{\"Ideographic\":\"Ideo\"}]");
  }

  @Test
  void personName_withMoreThanThreeGroups_keepsTheRestInPhonetic() {
    DataSet ds = DataSet.builder().addText(PATIENT_NAME, Vr.PN, "A=B=C=D").build();
    assertThat(json(ds)).contains("{\"Alphabetic\":\"A\",\"Ideographic\":\"B\",\"Phonetic\":\"C=D\"}");
  }

  @Test
  void integerStrings_becomeJsonIntegers_keepingEveryDigit() {
    DataSet ds = DataSet.builder()
        .addText(0x00200013, Vr.IS, "+5", " 007 ", "-0", "123456789012345678901234567890", "1e3", "5.0", "-000")
        .build();
    assertThat(json(ds)).contains("\"Value\":[5,7,-0,123456789012345678901234567890,1000,5,-0]");
  }

  @Test
  void integerString_thatIsNoInteger_isWrittenAsString() {
    DataSet ds = DataSet.builder().addText(0x00200013, Vr.IS, "1.5", "x").build();
    assertThat(json(ds)).contains("\"Value\":[\"1.5\",\"x\"]");
  }

  @Test
  void decimalStrings_becomeJsonNumbers_inJsonGrammar() {
    DataSet ds = DataSet.builder()
        .addText(0x00280030, Vr.DS, "+1.5", ".5", "-.5", "5.", "1e3", "1.50", " 2 ", "-0", "007.25E-02", "1E+05")
        .build();
    assertThat(json(ds)).contains("\"Value\":[1.5,0.5,-0.5,5,1e3,1.50,2,-0,7.25E-02,1E+05]");
  }

  @Test
  void decimalString_thatIsNoNumber_isWrittenAsString() {
    DataSet ds = DataSet.builder().addText(0x00280030, Vr.DS, "NaN", ".", "1,5").build();
    assertThat(json(ds)).contains("\"Value\":[\"NaN\",\".\",\"1,5\"]");
  }

  @Test
  void emptyValues_haveOnlyVr_andEmptyComponentsAreNull() {
    DataSet ds = DataSet.builder()
        .addText(0x00080050, Vr.SH)
        .addText(0x00080060, Vr.CS, "  ")
        .addText(0x00080008, Vr.CS, "ORIGINAL", "", "AXIAL")
        .add(0x00081115, Vr.SQ, new Value.Sequence(List.of(), true))
        .add(0x00280010, Vr.US, Value.Bytes.of(new byte[0]))
        .add(0x7FE00010, Vr.OB, Value.Bytes.of(new byte[0]))
        .build();
    assertThat(json(ds)).isEqualTo("{\"00080050\":{\"vr\":\"SH\"},\"00080060\":{\"vr\":\"CS\"},"
        + "\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]},\"00081115\":{\"vr\":\"SQ\"},"
        + "\"00280010\":{\"vr\":\"US\"},\"7FE00010\":{\"vr\":\"OB\"}}");
  }

  @Test
  void nestedSequences_areArraysOfObjects_andItemsInheritTheCharacterSet() {
    DataSet inner = DataSet.builder().inheritCharacterSet(utf8().characterSet())
        .addText(PATIENT_NAME, Vr.PN, "Wang^XiaoDong=王^小東").build();
    DataSet middle = DataSet.builder()
        .add(0x00081250, Vr.SQ, new Value.Sequence(List.of(inner), false)).build();
    DataSet ds = utf8().toBuilder()
        .add(0x00081115, Vr.SQ, new Value.Sequence(List.of(middle, DataSet.empty()), true)).build();
    assertThat(json(ds)).contains("\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"00081250\":{\"vr\":\"SQ\",\"Value\":"
        + "[{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Wang^XiaoDong\",\"Ideographic\":\"王^小東\"}]}}]}},{}]}");
  }

  @Test
  void unknownSequence_isWrittenAsSq() {
    DataSet ds = DataSet.builder().add(0x00091010, Vr.UN, new Value.Sequence(List.of(DataSet.empty()), true)).build();
    assertThat(json(ds)).isEqualTo("{\"00091010\":{\"vr\":\"SQ\",\"Value\":[{}]}}");
  }

  @Test
  void binaryNumbers_areJsonNumbers_unsignedIncluded() {
    DataSet ds = DataSet.builder()
        .add(0x00280010, Vr.US, le(0xFF, 0xFF, 0x01, 0x00))
        .add(0x00280106, Vr.SS, le(0xFF, 0xFF))
        .add(0x00181063, Vr.UL, le(0xFF, 0xFF, 0xFF, 0xFF))
        .add(0x00181064, Vr.SL, le(0xFE, 0xFF, 0xFF, 0xFF))
        .add(0x00181065, Vr.SV, le(0, 0, 0, 0, 0, 0, 0, 0x80))
        .add(0x00181066, Vr.UV, le(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
        .add(0x00181067, Vr.FL, le(0, 0, 0xC0, 0x3F))
        .add(0x00181068, Vr.FD, le(0x9A, 0x99, 0x99, 0x99, 0x99, 0x99, 0xB9, 0x3F))
        .add(0x00209165, Vr.AT, le(0x10, 0x00, 0x10, 0x00, 0x28, 0x00, 0x10, 0x00))
        .build();
    assertThat(json(ds)).isEqualTo("{\"00280010\":{\"vr\":\"US\",\"Value\":[65535,1]},"
        + "\"00280106\":{\"vr\":\"SS\",\"Value\":[-1]},\"00181063\":{\"vr\":\"UL\",\"Value\":[4294967295]},"
        + "\"00181064\":{\"vr\":\"SL\",\"Value\":[-2]},\"00181065\":{\"vr\":\"SV\",\"Value\":[-9223372036854775808]},"
        + "\"00181066\":{\"vr\":\"UV\",\"Value\":[18446744073709551615]},\"00181067\":{\"vr\":\"FL\",\"Value\":[1.5]},"
        + "\"00181068\":{\"vr\":\"FD\",\"Value\":[0.1]},\"00209165\":{\"vr\":\"AT\",\"Value\":[\"00100010\",\"00280010\"]}}");
  }

  @Test
  void floatsThatAreNoJsonNumbers_areWrittenAsStrings() {
    DataSet ds = DataSet.builder()
        .add(0x00181067, Vr.FL, le(0, 0, 0xC0, 0x7F, 0, 0, 0x80, 0x7F, 0, 0, 0x80, 0xFF))
        .build();
    assertThat(json(ds)).contains("\"Value\":[\"NaN\",\"Infinity\",\"-Infinity\"]");
  }

  @Test
  void binaryValue_ofWrongLength_failsWithPathAndWithoutValue() {
    DataSet ds = DataSet.builder().add(0x00280010, Vr.US, le(1, 2, 3, 4, 5, 6)).build();
    DataSet outer = DataSet.builder().add(0x00081115, Vr.SQ, new Value.Sequence(List.of(ds.toBuilder()
        .add(0x00181067, Vr.FL, le(1, 2, 3)).build()), true)).build();
    assertThatThrownBy(() -> json(outer)).isInstanceOf(DicomJsonException.class)
        .hasMessageContaining("00081115/0/00181067").hasMessageContaining("not a multiple of 4");
  }

  @Test
  void duplicateTag_fails() {
    DataSet ds = DataSet.builder().addText(PATIENT_NAME, Vr.PN, "A").addText(0x00080020, Vr.DA, "20240101")
        .addText(PATIENT_NAME, Vr.PN, "B").build();
    assertThatThrownBy(() -> json(ds)).isInstanceOf(DicomJsonException.class)
        .hasMessageContaining("twice").hasMessageNotContaining("\"A\"");
  }

  @Test
  void privateCreatorAndPrivateElements_areKept() {
    DataSet ds = DataSet.builder()
        .addText(0x00290010, Vr.LO, "SIEMENS CSA HEADER")
        .add(0x00291010, Vr.OB, Value.Bytes.of("SV10".getBytes(StandardCharsets.US_ASCII)))
        .add(0x00291020, Vr.UN, Value.Bytes.of(new byte[] {1, 2}))
        .build();
    assertThat(json(ds)).isEqualTo("{\"00290010\":{\"vr\":\"LO\",\"Value\":[\"SIEMENS CSA HEADER\"]},"
        + "\"00291010\":{\"vr\":\"OB\",\"InlineBinary\":\"U1YxMA==\"},\"00291020\":{\"vr\":\"UN\",\"InlineBinary\":\"AQI=\"}}");
  }

  @Test
  void bulkValue_isInlineUpToTheThreshold_andAUriAbove() {
    DataSet ds = DataSet.builder().add(0x7FE00010, Vr.OB, le(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).build();
    JsonOptions withUris = JsonOptions.DEFAULT.withUris(site -> Optional.of("https://example.org/bulk/" + site.path()));
    assertThat(DicomJsonWriter.toJson(ds, withUris.withBulkDataThresholdBytes(10)))
        .contains("\"InlineBinary\":\"AQIDBAUGBwgJCg==\"");
    assertThat(DicomJsonWriter.toJson(ds, withUris.withBulkDataThresholdBytes(9)))
        .contains("\"BulkDataURI\":\"https://example.org/bulk/7FE00010\"");
    assertThat(DicomJsonWriter.toJson(ds, withUris.withBulkDataThresholdBytes(0).withInlineAll(true)))
        .contains("\"InlineBinary\":\"AQIDBAUGBwgJCg==\"");
  }

  @Test
  void bulkReference_isInlinedFromTheSource_swappedToLittleEndian() {
    DataSet ds = DataSet.builder().add(0x7FE00010, Vr.OW, new Value.Bulk(new BulkRef(100, 4, true, false))).build();
    JsonOptions options = JsonOptions.DEFAULT.withBulkSource(ref -> new ByteArrayInputStream(new byte[] {1, 2, 3, 4}));
    assertThat(DicomJsonWriter.toJson(ds, options)).contains("\"InlineBinary\":\"AgEEAw==\"");
  }

  @Test
  void bulkReference_withoutSourceOrUri_fails() {
    DataSet ds = DataSet.builder().add(0x7FE00010, Vr.OW, new Value.Bulk(new BulkRef(100, 4, false, false))).build();
    assertThatThrownBy(() -> json(ds)).isInstanceOf(DicomJsonException.class)
        .hasMessageContaining("not in memory").hasMessageContaining("7FE00010");
  }

  @Test
  void fragments_areABulkDataUri_orTheirConcatenationWhenInlined() {
    Value fragments = new Value.Fragments(Value.Bytes.of(new byte[0]),
        List.of(Value.Bytes.of(new byte[] {1, 2}), new Value.Bulk(new BulkRef(0, 2, false, false))));
    DataSet ds = DataSet.builder().add(0x7FE00010, Vr.OB, fragments).build();
    JsonOptions options = JsonOptions.DEFAULT.withBulkDataThresholdBytes(1_000_000)
        .withBulkSource(ref -> new ByteArrayInputStream(new byte[] {3, 4}));
    assertThat(DicomJsonWriter.toJson(ds, options)).contains("\"InlineBinary\":\"AQIDBA==\"");
    assertThat(DicomJsonWriter.toJson(ds, options.withUris(site -> Optional.of("urn:frames"))))
        .contains("\"BulkDataURI\":\"urn:frames\"");
  }

  @Test
  void pretty_indents() {
    DataSet ds = DataSet.builder().addText(0x00080060, Vr.CS, "MR").build();
    assertThat(DicomJsonWriter.toJson(ds, JsonOptions.DEFAULT.withPretty(true))).contains("\n  \"00080060\" : {");
  }

  @Test
  void writeArray_writesAnArrayOfObjects() throws Exception {
    java.io.StringWriter out = new java.io.StringWriter();
    DicomJsonWriter.writeArray(List.of(DataSet.empty(), DataSet.builder().addText(0x00080060, Vr.CS, "CT").build()),
        out, JsonOptions.DEFAULT);
    assertThat(out.toString()).isEqualTo("[{},{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}]");
  }

  @Test
  void iso2022JapaneseFile_isWrittenAsUnicode() {
    DataSet ds = DicomReader.read(JsonFixtures.corpus().resolve("valid/pydicom-charset/chrH31.dcm"),
        ReadOptions.DEFAULT.withAllValuesInMemory()).dataSet();
    assertThat(json(ds)).contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
        + "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}]}");
  }

  private static Value le(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return Value.Bytes.of(b);
  }
}
