package org.custos.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataSetTest {
  @Test
  void privateElement_namesTheCreatorThatReservedItsBlock() {
    DataSet ds = DataSet.builder()
        .addText(0x00290010, Vr.LO, "SIEMENS CSA HEADER")
        .addText(0x00290011, Vr.LO, "SIEMENS MEDCOM HEADER")
        .add(0x00291010, Vr.OB, Value.Bytes.of(new byte[] {1, 2}))
        .add(0x00291120, Vr.OB, Value.Bytes.of(new byte[] {3, 4}))
        .add(0x00291310, Vr.OB, Value.Bytes.of(new byte[] {5, 6}))
        .build();
    assertThat(ds.privateCreatorOf(0x00291010)).hasValue("SIEMENS CSA HEADER");
    assertThat(ds.privateCreatorOf(0x00291120)).hasValue("SIEMENS MEDCOM HEADER");
    assertThat(ds.privateCreatorOf(0x00291310)).isEmpty();
    assertThat(ds.privateCreatorOf(0x00100010)).isEmpty();
    assertThat(ds.privateCreatorOf(0x00290010)).isEmpty();
  }

  @Test
  void multiValuedText_isSplitAndTrimmedPerVr() {
    DataSet ds = DataSet.builder()
        .addText(0x00080008, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL")
        .addText(0x00081030, Vr.LO, " Chest ")
        .addText(0x00204000, Vr.LT, " keeps leading spaces\\and backslashes ")
        .build();
    assertThat(ds.getStrings(0x00080008)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
    assertThat(ds.getString(0x00081030)).hasValue("Chest");
    assertThat(ds.getString(0x00204000)).hasValue(" keeps leading spaces\\and backslashes");
  }

  @Test
  void valueOfOnlyPadding_hasNoValues_butEmptyComponentsCount() {
    DataSet ds = DataSet.builder()
        .add(0x00100010, Vr.PN, Value.Bytes.of("    ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .add(0x00204000, Vr.LT, Value.Bytes.of("  ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .add(0x00080008, Vr.CS, Value.Bytes.of("\\ ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .build();
    assertThat(ds.getStrings(0x00100010)).isEmpty();
    assertThat(ds.getStrings(0x00204000)).isEmpty();
    assertThat(ds.getStrings(0x00080008)).containsExactly("", "");
  }

  @Test
  void oddTextValues_arePaddedWithTheVrPaddingByte() {
    DataSet ds = DataSet.builder().addText(0x00080018, Vr.UI, "1.2.3").addText(0x00100010, Vr.PN, "Doe").build();
    assertThat(((Value.Bytes) ds.get(0x00080018).orElseThrow().value()).bytes()).endsWith(0);
    assertThat(((Value.Bytes) ds.get(0x00100010).orElseThrow().value()).bytes()).endsWith(' ');
  }

  @Test
  void toString_showsTagsButNeverValues() {
    DataSet ds = DataSet.builder().addText(0x00100010, Vr.PN, "Secret^Patient").build();
    assertThat(ds.toString()).contains("(0010,0010)").doesNotContain("Secret");
    assertThat(ds.get(0x00100010).orElseThrow().toString()).doesNotContain("Secret");
  }

  @Test
  void putKeepsAscendingOrderAndReplaces() {
    DataSet ds = DataSet.builder()
        .addText(0x00100020, Vr.LO, "B")
        .build().toBuilder()
        .put(new DicomElement(0x00100010, Vr.PN, Value.Bytes.of("A ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
        .put(new DicomElement(0x00100020, Vr.LO, Value.Bytes.of("C ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
        .build();
    assertThat(ds.elements()).extracting(DicomElement::tag).containsExactly(0x00100010, 0x00100020);
    assertThat(ds.getString(0x00100020)).hasValue("C");
    assertThat(ds.isAscending()).isTrue();
  }
}
