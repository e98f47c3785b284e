package org.custos.dicom.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader of dcm2xml output, on hand-written documents in dcm2xml's DCMTK-specific format. */
class DcmtkXmlParserTest {
  @TempDir
  Path dir;

  private Path xml(String encoding, byte[] body) throws IOException {
    Path file = Files.createTempFile(dir, "out", ".xml");
    byte[] head = ("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<file-format>\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "</file-format>\n".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
    return Files.write(file, all);
  }

  private Path xml(String body) throws IOException {
    return xml("UTF-8", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rawText_keepsTheValueBytes_withQuotedBytesAndEntities() throws IOException {
    Path file = xml("<meta-header xfer=\"\" name=\"Unknown Transfer Syntax\">\n</meta-header>\n"
        + "<data-set xfer=\"1.2.840.10008.1.2.1\" name=\"Little Endian Explicit\">\n"
        + "<element tag=\"0010,0010\" vr=\"PN\" vm=\"1\" len=\"12\" name=\"PatientName\">A&amp;B=&#27;$B;3&#233;</element>\n"
        + "</data-set>\n");

    DcmtkReading reading = DcmtkXmlParser.parse(file, false);

    DcmtkNode.Leaf leaf = (DcmtkNode.Leaf) reading.dataSet().get(0);
    assertThat(leaf.tag()).isEqualTo(0x00100010);
    assertThat(leaf.text().getBytes(StandardCharsets.ISO_8859_1))
        .isEqualTo(new byte[] {'A', '&', 'B', '=', 0x1B, '$', 'B', ';', '3', (byte) 0xE9});
    assertThat(reading.meta()).isEmpty();
    assertThat(reading.dataSetTransferSyntax()).isEqualTo("1.2.840.10008.1.2.1");
  }

  @Test
  void rawText_inADeclaredSingleByteEncoding_isTheFileBytes() throws IOException {
    byte[] body = ("<data-set xfer=\"1.2.840.10008.1.2.1\" name=\"x\">\n"
        + "<element tag=\"0010,0010\" vr=\"PN\" vm=\"1\" len=\"2\" name=\"PatientName\">\u00bb\u00ee</element>\n"
        + "</data-set>\n").getBytes(StandardCharsets.ISO_8859_1);

    DcmtkReading raw = DcmtkXmlParser.parse(xml("ISO-8859-5", body), false);
    DcmtkReading converted = DcmtkXmlParser.parse(xml("ISO-8859-5", body), true);

    assertThat(((DcmtkNode.Leaf) raw.dataSet().get(0)).text()).isEqualTo("\u00bb\u00ee");
    assertThat(((DcmtkNode.Leaf) converted.dataSet().get(0)).text()).isEqualTo("Лю");
  }

  @Test
  void base64OfOw_isHashedAsLittleEndianWords() throws IOException {
    // dcm2xml writes OW words most significant byte first: 0x0389, 0x03FB as 03 89 03 FB.
    Path file = xml("<data-set xfer=\"1.2.840.10008.1.2.1\" name=\"x\">\n"
        + "<element tag=\"7fe0,0010\" vr=\"OW\" vm=\"1\" len=\"4\" name=\"PixelData\" binary=\"base64\">A4kD+w==</element>\n"
        + "<element tag=\"0009,1001\" vr=\"OB\" vm=\"1\" len=\"4\" name=\"x\" binary=\"base64\">A4kD+w==</element>\n"
        + "</data-set>\n");

    DcmtkReading reading = DcmtkXmlParser.parse(file, false);

    DcmtkNode.Leaf ob = (DcmtkNode.Leaf) reading.dataSet().get(1);
    DcmtkNode.Leaf ow = (DcmtkNode.Leaf) reading.dataSet().get(0);
    assertThat(ow.sha256()).isEqualTo(OurBytes.sha256(HexFormat.of().parseHex("8903fb03")));
    assertThat(ob.sha256()).isEqualTo(OurBytes.sha256(HexFormat.of().parseHex("038903fb")));
    assertThat(ow.binaryLength()).isEqualTo(4);
  }

  @Test
  void sequencesAndPixelSequences_keepTheirItems() throws IOException {
    Path file = xml("<data-set xfer=\"1.2.840.10008.1.2.4.50\" name=\"x\">\n"
        + "<sequence tag=\"0008,1115\" vr=\"SQ\" card=\"2\" name=\"s\">\n"
        + "<item card=\"1\">\n<element tag=\"0020,000e\" vr=\"UI\" vm=\"1\" len=\"4\" name=\"u\">1.2</element>\n</item>\n"
        + "<item card=\"0\">\n</item>\n"
        + "</sequence>\n"
        + "<sequence tag=\"7fe0,0010\" vr=\"OB\" card=\"2\" name=\"PixelData\">\n"
        + "<pixel-item len=\"0\" binary=\"base64\"></pixel-item>\n"
        + "<pixel-item len=\"2\" binary=\"base64\">/9g=</pixel-item>\n"
        + "</sequence>\n"
        + "</data-set>\n");

    DcmtkReading reading = DcmtkXmlParser.parse(file, false);

    DcmtkNode.Sequence seq = (DcmtkNode.Sequence) reading.dataSet().get(0);
    assertThat(seq.items()).hasSize(2);
    assertThat(seq.items().get(0)).extracting(DcmtkNode::tag).containsExactly(0x0020000E);
    assertThat(seq.items().get(1)).isEmpty();
    DcmtkNode.PixelSequence pixels = (DcmtkNode.PixelSequence) reading.dataSet().get(1);
    assertThat(pixels.items()).extracting(DcmtkNode.Fragment::length).containsExactly(0L, 2L);
    assertThat(pixels.items().get(1).sha256()).isEqualTo(OurBytes.sha256(new byte[] {(byte) 0xFF, (byte) 0xD8}));
  }

  @Test
  void hiddenBinaryData_failsRatherThanComparingNothing() throws IOException {
    Path file = xml("<data-set xfer=\"1.2.840.10008.1.2.1\" name=\"x\">\n"
        + "<element tag=\"7fe0,0010\" vr=\"OW\" vm=\"1\" len=\"4\" name=\"PixelData\" binary=\"hidden\"></element>\n"
        + "</data-set>\n");

    assertThatThrownBy(() -> DcmtkXmlParser.parse(file, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("+Wb +Eb");
  }

  @Test
  void unknownMarkup_failsWithTheFile() throws IOException {
    Path file = xml("<data-set xfer=\"1.2.840.10008.1.2.1\" name=\"x\">\n<novelty/>\n</data-set>\n");

    assertThatThrownBy(() -> DcmtkXmlParser.parse(file, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("novelty");
  }
}
