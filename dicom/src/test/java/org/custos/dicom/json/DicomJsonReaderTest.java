package org.custos.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Value;
import org.junit.jupiter.api.Test;

class DicomJsonReaderTest {
  private static final int PATIENT_NAME = 0x00100010;

  private static byte[] bytes(DataSet ds, int tag) {
    return ((Value.Bytes) ds.get(tag).orElseThrow().value()).bytes();
  }

  private static DicomJsonException failure(String json) {
    try {
      DicomJsonReader.read(json);
    } catch (DicomJsonException e) {
      return e;
    }
    throw new AssertionError("expected a DicomJsonException");
  }

  @Test
  void elements_areReadInAscendingOrder_withTextPadded() {
    DataSet ds = DicomJsonReader.read("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"ABC\"]},"
        + "\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}");
    assertThat(ds.elements()).extracting(DicomElement::tag).containsExactly(0x00080018, 0x00100020);
    assertThat(bytes(ds, 0x00080018)).containsExactly('1', '.', '2', '.', '3', 0);
    assertThat(bytes(ds, 0x00100020)).containsExactly('A', 'B', 'C', ' ');
  }

  @Test
  void personName_groupsAreJoinedWithEquals() {
    DataSet ds = DicomJsonReader.read("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^J\","
        + "\"Phonetic\":\"DOE\"},null,{\"Ideographic\":\"I\"},{}]}}");
    assertThat(ds.getStrings(PATIENT_NAME)).containsExactly("Doe^J==DOE", "", "=I", "");
  }

  @Test
  void characterSet_appliesWhereverItStandsInTheObject() throws Exception {
    String json = "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
        + "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}]},"
        + "\"00080005\":{\"vr\":\"CS\",\"Value\":[null,\"ISO 2022 IR 87\"]}}";
    DataSet ds = DicomJsonReader.read(json);
    DataSet file = DicomReader.read(JsonFixtures.corpus().resolve("valid/pydicom-charset/chrH31.dcm"),
        ReadOptions.DEFAULT.withAllValuesInMemory()).dataSet();
    assertThat(bytes(ds, PATIENT_NAME)).isEqualTo(bytes(file, PATIENT_NAME));
  }

  @Test
  void items_inheritTheCharacterSet() {
    DataSet ds = DicomJsonReader.read("{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]},"
        + "\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Jérôme\"}]}}]}}");
    DataSet item = ds.getItems(0x00081115).get(0);
    assertThat(bytes(item, PATIENT_NAME)).isEqualTo("Jérôme".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(item.undefinedLength()).isTrue();
  }

  @Test
  void item_withItsOwnCharacterSet_usesIt() {
    DataSet ds = DicomJsonReader.read("{\"00081115\":{\"vr\":\"SQ\",\"Value\":[{"
        + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"王\"}]},"
        + "\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]}}]}}");
    assertThat(bytes(ds.getItems(0x00081115).get(0), PATIENT_NAME)).isEqualTo("王 ".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void textTheCharacterSetCannotEncode_fails() {
    DicomJsonException e = failure("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"山田\"}]}}");
    assertThat(e.tag()).isEqualTo(PATIENT_NAME);
    assertThat(e.getMessage()).doesNotContain("山田");
  }

  @Test
  void emptyElements_haveEmptyValues() {
    DataSet ds = DicomJsonReader.read("{\"00080050\":{\"vr\":\"SH\"},\"00080060\":{\"vr\":\"CS\",\"Value\":[]},"
        + "\"00081115\":{\"vr\":\"SQ\"},\"7FE00010\":{\"vr\":\"OB\"}}");
    assertThat(ds.get(0x00080050).orElseThrow().valueLength()).isZero();
    assertThat(ds.get(0x00080060).orElseThrow().valueLength()).isZero();
    assertThat(ds.getItems(0x00081115)).isEmpty();
    assertThat(ds.get(0x7FE00010).orElseThrow().valueLength()).isZero();
  }

  @Test
  void multiValuedText_withNullComponents() {
    DataSet ds = DicomJsonReader.read("{\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]}}");
    assertThat(new String(bytes(ds, 0x00080008), StandardCharsets.US_ASCII)).isEqualTo("ORIGINAL\\\\AXIAL ");
  }

  @Test
  void numbers_becomeIntegerAndDecimalStrings() {
    DataSet ds = DicomJsonReader.read("{\"00200013\":{\"vr\":\"IS\",\"Value\":[1e3,-0,12345678901234567890,7.0,\"+5\"]},"
        + "\"00280030\":{\"vr\":\"DS\",\"Value\":[0.1234567890123456789,1.50,-1.5e-300,123456789012345678,\"x\"]}}");
    assertThat(ds.getStrings(0x00200013)).containsExactly("1000", "-0", "12345678901234567890", "7", "+5");
    assertThat(ds.getStrings(0x00280030))
        .containsExactly(".123456789012346", "1.50", "-1.5e-300", "1.23456789012E17", "x");
  }

  @Test
  void integerString_withAFraction_fails() {
    assertThat(failure("{\"00200013\":{\"vr\":\"IS\",\"Value\":[1.5]}}").reason()).contains("not an integer");
  }

  @Test
  void binaryNumbers_areLittleEndian_inRange() {
    DataSet ds = DicomJsonReader.read("{\"00280010\":{\"vr\":\"US\",\"Value\":[65535,1]},"
        + "\"00181066\":{\"vr\":\"UV\",\"Value\":[18446744073709551615]},"
        + "\"00181067\":{\"vr\":\"FL\",\"Value\":[1.5,\"NaN\",\"-Infinity\"]},"
        + "\"00209165\":{\"vr\":\"AT\",\"Value\":[\"0010001a\"]}}");
    assertThat(HexFormat.of().formatHex(bytes(ds, 0x00280010))).isEqualTo("ffff0100");
    assertThat(HexFormat.of().formatHex(bytes(ds, 0x00181066))).isEqualTo("ffffffffffffffff");
    assertThat(HexFormat.of().formatHex(bytes(ds, 0x00181067))).isEqualTo("0000c03f0000c07f000080ff");
    assertThat(HexFormat.of().formatHex(bytes(ds, 0x00209165))).isEqualTo("10001a00");
  }

  @Test
  void numberOutOfRange_fails_naming_theRange() {
    DicomJsonException e = failure("{\"00280010\":{\"vr\":\"US\",\"Value\":[65536]}}");
    assertThat(e.reason()).contains("0..65535");
    assertThat(e.getMessage()).doesNotContain("65536");
    assertThat(failure("{\"00181067\":{\"vr\":\"FL\",\"Value\":[1e39]}}").reason()).contains("out of range");
  }

  @Test
  void unknownVr_fails_withLineColumnAndTag() {
    DicomJsonException e = failure("{\n  \"00100010\": {\"vr\": \"XX\", \"Value\": [\"Doe\"]}\n}");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(22);
    assertThat(e.tag()).isEqualTo(PATIENT_NAME);
    assertThat(e).hasMessage("unknown VR XX (PS3.5 6.2) (at line 2, column 22, tag (0010,0010))");
  }

  @Test
  void vrThatIsNoVrCode_isNotRepeated() {
    assertThat(failure("{\"00100010\":{\"vr\":\"Smith\"}}").getMessage()).doesNotContain("Smith");
  }

  @Test
  void wrongJsonType_fails_withoutTheValue() {
    DicomJsonException e = failure("{\"00280010\":{\"vr\":\"US\",\"Value\":[\"512\"]}}");
    assertThat(e.reason()).isEqualTo("US value must be a JSON number, not a string");
    assertThat(failure("{\"00100010\":{\"vr\":\"PN\",\"Value\":[\"Doe^John\"]}}").getMessage())
        .contains("must be an object").doesNotContain("Doe");
    assertThat(failure("{\"00100020\":{\"vr\":\"LO\",\"Value\":[12]}}").reason()).contains("must be a string");
    assertThat(failure("{\"00100020\":{\"vr\":\"LO\",\"Value\":\"ID\"}}").reason()).contains("must be an array");
    assertThat(failure("{\"00081115\":{\"vr\":\"SQ\",\"Value\":[1]}}").reason()).contains("must be a JSON object");
  }

  @Test
  void memberNameThatIsNoTag_fails() {
    for (String name : List.of("PatientName", "(0010,0010)", "0010001", "0010001G", "001000100")) {
      DicomJsonException e = failure("{\"" + name + "\":{\"vr\":\"PN\"}}");
      assertThat(e.reason()).contains("not a tag");
      assertThat(e.tag()).isEqualTo(DicomJsonException.NO_TAG);
      assertThat(e.getMessage()).doesNotContain(name);
    }
    assertThat(failure("{\"FFFEE000\":{\"vr\":\"SQ\"}}").reason()).contains("not data elements");
  }

  @Test
  void inlineBinary_thatIsNoBase64_fails() {
    DicomJsonException e = failure("{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"AQI!\"}}");
    assertThat(e.reason()).contains("not valid base64");
    assertThat(e.tag()).isEqualTo(0x7FE00010);
  }

  @Test
  void inlineBinary_isDecoded_withOrWithoutPadding() {
    assertThat(bytes(DicomJsonReader.read("{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"AQI=\"}}"), 0x7FE00010))
        .containsExactly(1, 2);
    assertThat(bytes(DicomJsonReader.read("{\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"AQI\"}}"), 0x7FE00010))
        .containsExactly(1, 2);
  }

  @Test
  void valueMembers_mustSuitTheVr() {
    assertThat(failure("{\"00280010\":{\"vr\":\"US\",\"InlineBinary\":\"AQI=\"}}").reason()).contains("InlineBinary is allowed only");
    assertThat(failure("{\"7FE00010\":{\"vr\":\"OB\",\"Value\":[1]}}").reason()).contains("Value is not allowed for VR OB");
    assertThat(failure("{\"00100010\":{\"vr\":\"PN\",\"BulkDataURI\":\"urn:x\"}}").reason()).contains("not allowed for VR PN");
    assertThat(failure("{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"\",\"BulkDataURI\":\"urn:x\"}}").reason())
        .contains("at most one");
    assertThat(failure("{\"7FE00010\":{\"vr\":\"OB\",\"Inline\":\"\"}}").reason()).contains("unexpected member");
    assertThat(failure("{\"7FE00010\":{\"InlineBinary\":\"\"}}").reason()).contains("no \"vr\"");
  }

  @Test
  void bulkDataUri_withoutResolver_fails() {
    assertThat(failure("{\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"https://example.org/1\"}}").reason())
        .contains("no BulkDataResolver");
  }

  @Test
  void bulkDataUri_isResolved() {
    String json = "{\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"" + JsonFixtures.HexUris.PREFIX + "01020304\"}}";
    DataSet ds = DicomJsonReader.read(new StringReader(json), new JsonFixtures.HexUris());
    assertThat(bytes(ds, 0x7FE00010)).containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> DicomJsonReader.read(new StringReader(json.replace("urn:", "x:")), new JsonFixtures.HexUris()))
        .isInstanceOf(DicomJsonException.class).hasMessageContaining("could not be resolved");
  }

  @Test
  void valueBeforeVr_isRead_andErrorsInItPointAtItsStart() {
    DataSet ds = DicomJsonReader.read("{\"00280010\":{\"Value\":[512],\"vr\":\"US\"},"
        + "\"00100010\":{\"Value\":[{\"Alphabetic\":\"A\"}],\"vr\":\"PN\"},"
        + "\"00280030\":{\"Value\":[1.50],\"vr\":\"DS\"}}");
    assertThat(ds.getInt(0x00280010)).hasValue(512);
    assertThat(ds.getStrings(PATIENT_NAME)).containsExactly("A");
    assertThat(ds.getStrings(0x00280030)).containsExactly("1.50");
    DicomJsonException e = failure("{\"00280010\":{\"Value\":[1,\n\"x\"],\"vr\":\"US\"}}");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(22);
  }

  @Test
  void delimiterInsideAValue_fails() {
    assertThat(failure("{\"00080008\":{\"vr\":\"CS\",\"Value\":[\"A\\\\B\"]}}").reason()).contains("value delimiter");
    assertThat(failure("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"A=B\"}]}}").reason()).contains("delimiters");
    assertThat(failure("{\"00081080\":{\"vr\":\"LT\",\"Value\":[\"a\",\"b\"]}}").reason()).contains("holds one value");
    DataSet ds = DicomJsonReader.read("{\"00081080\":{\"vr\":\"LT\",\"Value\":[\"a\\\\b\"]}}");
    assertThat(ds.getStrings(0x00081080)).containsExactly("a\\b");
  }

  @Test
  void malformedJson_isReported_withoutQuotingIt() {
    DicomJsonException e = failure("{\"00100010\":{\"vr\":\"PN\",\"Value\":[Smith]}}");
    assertThat(e.reason()).isEqualTo("malformed JSON");
    assertThat(e.tag()).isEqualTo(PATIENT_NAME);
    assertThat(e.getMessage()).doesNotContain("Smith");
    assertThat(e.getCause()).isNull();
    assertThat(failure("{\"00100010\":{\"vr\":\"PN\"}").reason()).isEqualTo("malformed JSON");
  }

  @Test
  void duplicatesAndTrailingContent_fail() {
    assertThat(failure("{\"00100010\":{\"vr\":\"PN\"},\"00100010\":{\"vr\":\"PN\"}}").reason()).contains("twice");
    assertThat(failure("{\"00100010\":{\"vr\":\"PN\",\"vr\":\"PN\"}}").reason()).contains("twice");
    assertThat(failure("{} {}").reason()).contains("after the data set");
    assertThat(failure("[{}]").reason()).contains("JSON object");
  }

  @Test
  void deepNesting_isBoundedByTheParser() {
    String open = "{\"00081115\":{\"vr\":\"SQ\",\"Value\":[";
    String close = "]}}";
    String json = open.repeat(400) + "{}" + close.repeat(400);
    assertThat(failure(json).reason()).contains("parser limit");
  }

  @Test
  void readArray_readsSeveralDataSets() {
    List<DataSet> all = DicomJsonReader.readArray(new StringReader("[{},{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}]"),
        BulkDataResolver.REJECT);
    assertThat(all).hasSize(2);
    assertThat(all.get(1).getString(0x00080060)).hasValue("CT");
  }
}
