package org.custos.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.DicomStreamReader.Event;
import org.junit.jupiter.api.Test;

class DicomStreamReaderTest {
  private static final int PATIENT_NAME = 0x00100010;
  private static final int ROWS = 0x00280010;
  private static final int REFERENCED_SERIES = 0x00081115;
  private static final int SERIES_UID = 0x0020000E;

  private static DicomStreamReader reader(byte[] bytes, TransferSyntax ts) {
    return DicomStreamReader.of(new ByteArrayInputStream(bytes), ts, ReadOptions.DEFAULT);
  }

  private static List<Event> events(DicomStreamReader r) {
    List<Event> events = new ArrayList<>();
    Event e;
    while ((e = r.next()) != Event.END) {
      events.add(e);
    }
    return events;
  }

  @Test
  void explicitLittleEndianElement_reportsTagVrLengthAndValueOffset() {
    byte[] in = Bytes.le().shortElement(PATIENT_NAME, "PN", "Doe^Jane").toArray();
    DicomStreamReader r = reader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    assertThat(r.next()).isEqualTo(Event.ELEMENT);
    assertThat(r.tag()).isEqualTo(PATIENT_NAME);
    assertThat(r.vr()).isEqualTo(Vr.PN);
    assertThat(r.length()).isEqualTo(8);
    assertThat(r.valueOffset()).isEqualTo(8);
    assertThat(new String(r.readValue())).isEqualTo("Doe^Jane");
    assertThat(r.next()).isEqualTo(Event.END);
  }

  @Test
  void implicitVr_takesTheVrFromTheDictionary() {
    byte[] in = Bytes.le().tag(ROWS).u32(2).u16(512).implicitElement(PATIENT_NAME, "Doe^Jane").toArray();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
    assertThat(ds.get(ROWS).orElseThrow().vr()).isEqualTo(Vr.US);
    assertThat(ds.getInt(ROWS)).hasValue(512);
    assertThat(ds.get(PATIENT_NAME).orElseThrow().vr()).isEqualTo(Vr.PN);
  }

  @Test
  void bigEndianBinaryValues_areHeldLittleEndian() {
    byte[] in = Bytes.be().tag(ROWS).ascii("US").u16(2).u16(0x0102).toArray();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, ReadOptions.DEFAULT);
    assertThat(ds.getInt(ROWS)).hasValue(0x0102);
    assertThat(((Value.Bytes) ds.get(ROWS).orElseThrow().value()).bytes()).containsExactly(0x02, 0x01);
    assertThat(DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)).isEqualTo(in);
  }

  @Test
  void undefinedLengthSequenceWithUndefinedLengthItem_isReadAndWrittenBackTheSameWay() {
    byte[] in = Bytes.le()
        .longHeader(REFERENCED_SERIES, "SQ", 0xFFFFFFFFL)
        .tag(Tag.ITEM).u32(0xFFFFFFFFL)
        .shortElement(SERIES_UID, "UI", "1.2.3.4\0")
        .tag(Tag.ITEM_DELIMITATION).u32(0)
        .tag(Tag.SEQUENCE_DELIMITATION).u32(0)
        .toArray();
    assertThat(events(reader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))).containsExactly(
        Event.SEQUENCE_START, Event.ITEM_START, Event.ELEMENT, Event.ITEM_END, Event.SEQUENCE_END);
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
    DataSet item = ds.getItems(REFERENCED_SERIES).get(0);
    assertThat(item.undefinedLength()).isTrue();
    assertThat(item.getString(SERIES_UID)).hasValue("1.2.3.4");
    assertThat(DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isEqualTo(in);
  }

  @Test
  void definedLengthSequence_getsItsLengthRecomputedWhenTranscoded() {
    byte[] item = Bytes.le().shortElement(SERIES_UID, "UI", "1.2.3.4\0").toArray();
    byte[] in = Bytes.le()
        .longHeader(REFERENCED_SERIES, "SQ", 8 + item.length)
        .tag(Tag.ITEM).u32(item.length).raw(toInts(item))
        .toArray();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
    byte[] implicit = DicomWriter.encode(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    byte[] expected = Bytes.le().tag(REFERENCED_SERIES).u32(8 + 8 + 8).tag(Tag.ITEM).u32(16)
        .tag(SERIES_UID).u32(8).ascii("1.2.3.4\0").toArray();
    assertThat(implicit).isEqualTo(expected);
  }

  @Test
  void unknownElementOfUndefinedLengthInExplicitVr_isAnImplicitVrSequence() {
    int privateTag = 0x00091010;
    byte[] in = Bytes.le()
        .shortElement(0x00090010, "LO", "ACME 1.0")
        .longHeader(privateTag, "UN", 0xFFFFFFFFL)
        .tag(Tag.ITEM).u32(0xFFFFFFFFL)
        .implicitElement(PATIENT_NAME, "Doe^Jane")
        .tag(Tag.ITEM_DELIMITATION).u32(0)
        .tag(Tag.SEQUENCE_DELIMITATION).u32(0)
        .toArray();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
    DicomElement un = ds.get(privateTag).orElseThrow();
    assertThat(un.vr()).isEqualTo(Vr.UN);
    assertThat(ds.getItems(privateTag).get(0).getString(PATIENT_NAME)).hasValue("Doe^Jane");
    assertThat(DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isEqualTo(in);
  }

  @Test
  void encapsulatedPixelData_keepsOffsetTableAndFragments() {
    byte[] in = Bytes.le()
        .longHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL)
        .tag(Tag.ITEM).u32(4).u32(0)
        .tag(Tag.ITEM).u32(4).raw(0xFF, 0xD8, 0xFF, 0xD9)
        .tag(Tag.SEQUENCE_DELIMITATION).u32(0)
        .toArray();
    TransferSyntax jpeg = TransferSyntax.of("1.2.840.10008.1.2.4.50").orElseThrow();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), jpeg, ReadOptions.DEFAULT);
    Value.Fragments frags = (Value.Fragments) ds.get(Tag.PIXEL_DATA).orElseThrow().value();
    assertThat(Value.lengthOf(frags.basicOffsetTable())).isEqualTo(4);
    assertThat(frags.fragments()).hasSize(1);
    assertThat(DicomWriter.encode(ds, jpeg)).isEqualTo(in);
  }

  @Test
  void encapsulatedPixelData_cannotBeWrittenInANativeSyntax() {
    byte[] in = Bytes.le().longHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL)
        .tag(Tag.ITEM).u32(0).tag(Tag.ITEM).u32(2).raw(1, 2).tag(Tag.SEQUENCE_DELIMITATION).u32(0).toArray();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in),
        TransferSyntax.of("1.2.840.10008.1.2.5").orElseThrow(), ReadOptions.DEFAULT);
    assertThatThrownBy(() -> DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
        .isInstanceOf(DicomException.class).hasMessageContaining("without a codec");
  }

  @Test
  void stopBeforePixelData_endsAtPixelDataWithoutReadingIt() {
    byte[] in = Bytes.le().tag(ROWS).ascii("US").u16(2).u16(4)
        .longHeader(Tag.PIXEL_DATA, "OW", 1_000_000).toArray();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
        ReadOptions.DEFAULT.withStopBeforePixelData(true));
    assertThat(ds.size()).isEqualTo(1);
  }

  @Test
  void itemsInheritTheCharacterSetOfTheEnclosingDataSet() {
    byte[] name = "Buc^Jérôme".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] in = Bytes.le()
        .shortElement(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100")
        .longHeader(REFERENCED_SERIES, "SQ", 0xFFFFFFFFL)
        .tag(Tag.ITEM).u32(0xFFFFFFFFL)
        .tag(PATIENT_NAME).ascii("PN").u16(name.length).raw(toInts(name))
        .tag(Tag.ITEM_DELIMITATION).u32(0)
        .tag(Tag.SEQUENCE_DELIMITATION).u32(0).toArray();
    DataSet ds = DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
    assertThat(ds.getItems(REFERENCED_SERIES).get(0).getString(PATIENT_NAME)).hasValue("Buc^Jérôme");
  }

  @Test
  void valueLongerThanItsSequence_failsWithOffsetAndTag() {
    byte[] in = Bytes.le()
        .longHeader(REFERENCED_SERIES, "SQ", 16)
        .tag(Tag.ITEM).u32(8)
        .tag(SERIES_UID).ascii("UI").u16(40).ascii("1.2.3.4\0")
        .toArray();
    assertThatThrownBy(() -> DicomReader.readDataSet(new ByteArrayInputStream(in), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessageContaining("at byte 28")
        .hasMessageContaining("(0020,000E)");
  }

  @Test
  void deflatedDataSet_roundTripsThroughRawDeflate() {
    DataSet ds = DataSet.builder().addText(PATIENT_NAME, Vr.PN, "Doe^Jane").build();
    byte[] deflated = DicomWriter.encode(ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    assertThat(DicomReader.readDataSet(new ByteArrayInputStream(deflated),
        TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT)).isEqualTo(ds);
  }

  @Test
  void noMessageOrWarning_containsAValue_whereverTheInputIsCutOrCorrupted() throws Exception {
    String secret = "SECRETNAME";
    DataSet ds = DataSet.builder()
        .add(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, Value.Bytes.of((secret + "SET ").getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .addText(0x00080020, Vr.DA, "19700101")
        .addText(0x00080050, Vr.SH, secret)
        .addText(PATIENT_NAME, Vr.PN, secret + "^" + secret)
        .addText(0x00100020, Vr.LO, secret)
        .addText(0x00321060, Vr.LO, secret + secret + "X")
        .build();
    String tsUid = "1.2.840.10008.1.2.1." + secret;
    byte[] valid = Bytes.le().raw(new int[128]).ascii("DICM")
        .tag(Tag.FILE_META_GROUP_LENGTH).ascii("UL").u16(4).u32(8 + tsUid.length())
        .shortElement(Tag.TRANSFER_SYNTAX_UID, "UI", tsUid)
        .raw(toInts(DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))).toArray();
    // The file names an unsupported syntax built from the secret: rejected without echoing it.
    assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(valid), valid.length, ReadOptions.DEFAULT))
        .isInstanceOf(InvalidFileMetaException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("not a UID").doesNotContain(secret));
    byte[] base = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    int checked = 0;
    for (int cut = 0; cut <= base.length; cut++) {
      for (int flip = -1; flip < Math.min(cut, 64); flip += 7) {
        byte[] input = java.util.Arrays.copyOf(base, cut);
        if (flip >= 0) {
          input[flip] ^= 0x5A;
        }
        for (ReadOptions options : List.of(ReadOptions.DEFAULT, ReadOptions.DEFAULT.withStrict(true))) {
          List<String> messages = new ArrayList<>();
          try {
            DataSet parsed = DicomReader.readDataSet(new ByteArrayInputStream(input), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, options);
            parsed.characterSet();
            DicomStreamReader r = reader(input, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            events(r);
            r.warnings().forEach(w -> messages.add(w.toString()));
          } catch (DicomException e) {
            messages.add(e.getMessage());
          }
          checked++;
          assertThat(messages).as("cut %d, flip %d", cut, flip).noneMatch(m -> m.contains(secret) || m.contains("19700101"));
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  private static int[] toInts(byte[] bytes) {
    int[] out = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i] & 0xFF;
    }
    return out;
  }
}
