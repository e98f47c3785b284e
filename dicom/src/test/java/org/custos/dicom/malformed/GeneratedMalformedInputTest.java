package org.custos.dicom.malformed;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.dicom.malformed.Parsing.assertWhere;
import static org.custos.dicom.malformed.Parsing.parsed;
import static org.custos.dicom.malformed.Parsing.rejection;
import static org.custos.dicom.malformed.RawDicom.concat;
import static org.custos.dicom.malformed.RawDicom.element;
import static org.custos.dicom.malformed.RawDicom.header;
import static org.custos.dicom.malformed.RawDicom.implicitHeader;
import static org.custos.dicom.malformed.RawDicom.tag;
import static org.custos.dicom.malformed.RawDicom.text;
import static org.custos.dicom.malformed.RawDicom.u16;
import static org.custos.dicom.malformed.RawDicom.u32;
import static org.custos.dicom.malformed.RawDicom.uid;

import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.InvalidLengthException;
import org.custos.dicom.InvalidStructureException;
import org.custos.dicom.InvalidVrException;
import org.custos.dicom.NestingTooDeepException;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.TruncatedInputException;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small hand-made files, each with one lie at a known offset: value lengths, VR codes, nesting
 * depth and the structure of sequences, items and fragments. File meta and preamble abuse are in
 * {@link FileMetaAbuseTest} and {@link PreambleTest}, cuts in {@link TruncatedInputTest}.
 */
class GeneratedMalformedInputTest {
  private static final int PRIVATE_CREATOR = Tag.of(0x0009, 0x0010);
  private static final int PRIVATE_ELEMENT = Tag.of(0x0009, 0x1010);

  /** A file in explicit VR LE whose data set begins with (0008,0016); the next piece starts at {@code offset()}. */
  private static RawDicom explicitLe() {
    return RawDicom.file(Uids.ExplicitVRLittleEndian).add(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage));
  }

  // ---- value lengths

  @Test
  void valueLengthPastTheEndOfTheFile_failsAtTheFirstValueByte() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tags.PatientName, "PN", 200), text("Synthetic^Test"))).bytes();

    InvalidLengthException e = rejection(InvalidLengthException.class, bytes);

    assertWhere(e, start + 8, Tags.PatientName);
    assertThat(e.reason()).contains("value length 200").contains((bytes.length - start - 8) + " bytes remain");
  }

  @Test
  void valueLengthPastTheEndOfAStream_failsAsTruncatedWhereTheStreamEnds() {
    byte[] bytes = explicitLe().add(concat(header(Tags.PatientName, "PN", 200), text("Synthetic^Test"))).bytes();

    TruncatedInputException e = rejection(TruncatedInputException.class, bytes, ReadOptions.DEFAULT, Feed.UNKNOWN_LENGTH);

    assertWhere(e, bytes.length, Tags.PatientName);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void valueLengthPastTheEndOfItsItem_failsAtTheValue_whateverTheFeed(Feed feed) {
    byte[] inner = concat(header(Tags.ReferencedSOPClassUID, "UI", 40), uid(Uids.SecondaryCaptureImageStorage));
    byte[] item = concat(tag(Tag.ITEM), u32(inner.length), inner);
    RawDicom file = explicitLe();
    int sequenceStart = file.offset();
    file.add(concat(header(Tags.ReferencedImageSequence, "SQ", item.length), item))
        .add(Tags.PatientName, "PN", text("Synthetic^Test"));

    InvalidLengthException e = rejection(InvalidLengthException.class, file.bytes(), ReadOptions.DEFAULT, feed);

    assertWhere(e, sequenceStart + 12 + 8 + 8, Tags.ReferencedSOPClassUID);
    assertThat(e.reason()).contains("value length 40").contains("26 bytes remain");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void itemLongerThanItsSequence_failsAtTheItem(Feed feed) {
    byte[] inner = element(Tags.ReferencedSOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage));
    byte[] item = concat(tag(Tag.ITEM), u32(inner.length + 10), inner);
    RawDicom file = explicitLe();
    int sequenceStart = file.offset();
    file.add(concat(header(Tags.ReferencedImageSequence, "SQ", item.length), item))
        .add(Tags.PatientName, "PN", text("Synthetic^Test"));

    InvalidLengthException e = rejection(InvalidLengthException.class, file.bytes(), ReadOptions.DEFAULT, feed);

    assertWhere(e, sequenceStart + 12 + 8, Tag.ITEM);
  }

  @ParameterizedTest
  @ValueSource(longs = {0x7FFF_FFF0L, 0xFFFF_FFF0L})
  void lyingLengthNearTheIntLimit_failsWithoutAllocatingTheDeclaredLength(long declared) {
    // Every value wanted in memory, under the largest limit ReadOptions allows: the reader must
    // grow the value with the bytes that actually arrive, not trust the header.
    ReadOptions greedy = new ReadOptions(Long.MAX_VALUE, 64, false, false, Integer.MAX_VALUE - 8);
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tags.TextValue, "UT", declared), text("short text"))).bytes();

    Allocations.Measured<DicomParseException> read =
        Allocations.measure(() -> rejection(DicomParseException.class, bytes, greedy, Feed.UNKNOWN_LENGTH));

    assertThat(read.allocatedBytes()).as("bytes allocated while parsing").isLessThan(8L << 20);
    DicomParseException e = read.result();
    assertThat(e.tag()).isEqualTo(Tags.TextValue);
    if (declared > Integer.MAX_VALUE - 8) {
      assertThat(e).isInstanceOf(InvalidLengthException.class);
      assertWhere(e, start + 12, Tags.TextValue);
    } else {
      assertThat(e).isInstanceOf(TruncatedInputException.class);
      assertWhere(e, bytes.length, Tags.TextValue);
    }
  }

  @Test
  void oddValueLength_parsesWithAWarningAtTheElement() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tags.PatientName, "PN", 13), "Synthetic^Tes".getBytes(US_ASCII)))
        .add(Tags.PatientID, "LO", text("SYN001")).bytes();

    DicomFile parsed = parsed(bytes);

    assertThat(parsed.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(start);
      assertThat(w.tag()).isEqualTo(Tags.PatientName);
      assertThat(w.message()).contains("odd value length 13");
    });
    assertThat(parsed.dataSet().get(Tags.PatientName).orElseThrow().valueLength()).isEqualTo(13);
    assertThat(parsed.dataSet().getString(Tags.PatientID)).contains("SYN001");
  }

  @Test
  void oddValueLength_inStrictMode_failsAtTheElement() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tags.PatientName, "PN", 13), "Synthetic^Tes".getBytes(US_ASCII)))
        .add(Tags.PatientID, "LO", text("SYN001")).bytes();

    DicomParseException e = rejection(DicomParseException.class, bytes, ReadOptions.DEFAULT.withStrict(true), Feed.KNOWN_LENGTH);

    assertWhere(e, start, Tags.PatientName);
    assertThat(e.reason()).contains("odd value length 13");
  }

  @Test
  void undefinedLengthOnAnLoElement_failsAtItsHeader() {
    // Implicit VR is the only encoding in which an LO (16-bit length in explicit VR) can claim
    // the undefined length 0xFFFFFFFF; PS3.5 7.1.1 allows it only for SQ, UN and Pixel Data.
    RawDicom file = RawDicom.file(Uids.ImplicitVRLittleEndian)
        .add(concat(implicitHeader(Tags.SOPClassUID, 26), uid(Uids.SecondaryCaptureImageStorage)));
    int start = file.offset();
    byte[] bytes = file.add(concat(implicitHeader(Tags.PatientID, 0xFFFF_FFFFL), text("SYN001"))).bytes();

    InvalidLengthException e = rejection(InvalidLengthException.class, bytes);

    assertWhere(e, start, Tags.PatientID);
    assertThat(e.reason()).contains("undefined length").contains("LO");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UT", "UC", "UR", "OD", "OF", "OL", "OV", "SV", "UV"})
  void undefinedLengthOnANonSequenceVr_failsAtItsHeader(String vr) {
    RawDicom file = explicitLe().add(PRIVATE_CREATOR, "LO", text("CUSTOS TEST"));
    int start = file.offset();
    byte[] bytes = file.add(concat(header(PRIVATE_ELEMENT, vr, 0xFFFF_FFFFL), text("abcd"))).bytes();

    InvalidLengthException e = rejection(InvalidLengthException.class, bytes);

    assertWhere(e, start, PRIVATE_ELEMENT);
  }

  @Test
  void undefinedLengthOnAPrivateObElement_isReadAsFragmentsWithAWarning() {
    RawDicom file = explicitLe().add(PRIVATE_CREATOR, "LO", text("CUSTOS TEST"));
    int start = file.offset();
    byte[] bytes = file.add(concat(header(PRIVATE_ELEMENT, "OB", 0xFFFF_FFFFL),
        tag(Tag.ITEM), u32(0), tag(Tag.ITEM), u32(4), new byte[] {1, 2, 3, 4}, tag(Tag.SEQUENCE_DELIMITATION), u32(0))).bytes();

    DicomFile parsed = parsed(bytes);

    assertThat(parsed.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(start);
      assertThat(w.tag()).isEqualTo(PRIVATE_ELEMENT);
    });
    assertThat(parsed.dataSet().get(PRIVATE_ELEMENT).orElseThrow().value()).isInstanceOf(Value.Fragments.class);
  }

  // ---- nesting

  @Test
  void hundredNestedSequences_failAtTheFirstOneBeyondTheDefaultDepth() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(RawDicom.nestedSequences(Tags.ContentSequence, 100)).bytes();
    int depth = ReadOptions.DEFAULT.maxDepth();

    NestingTooDeepException e = rejection(NestingTooDeepException.class, bytes);

    assertWhere(e, start + RawDicom.nestedSequenceHeaderOffset(depth + 1), Tags.ContentSequence);
    assertThat(e.reason()).contains(String.valueOf(depth));
  }

  @Test
  void hundredNestedSequences_failAtTheHundredth_whenTheGuardIs99() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(RawDicom.nestedSequences(Tags.ContentSequence, 100)).bytes();

    NestingTooDeepException e = rejection(NestingTooDeepException.class, bytes, ReadOptions.DEFAULT.withMaxDepth(99), Feed.KNOWN_LENGTH);

    assertWhere(e, start + RawDicom.nestedSequenceHeaderOffset(100), Tags.ContentSequence);
  }

  @Test
  void hundredNestedSequences_parse_whenTheGuardIs100() {
    byte[] bytes = explicitLe().add(RawDicom.nestedSequences(Tags.ContentSequence, 100)).bytes();

    DicomFile parsed = parsed(bytes, ReadOptions.DEFAULT.withMaxDepth(100), Feed.KNOWN_LENGTH);

    assertThat(levels(parsed.dataSet())).isEqualTo(100);
  }

  @Test
  void fiveThousandNestedSequences_parseWithoutRecursion_whenTheGuardAllowsThem() {
    byte[] bytes = explicitLe().add(RawDicom.nestedSequences(Tags.ContentSequence, 5000)).bytes();

    DicomFile parsed = parsed(bytes, ReadOptions.DEFAULT.withMaxDepth(10_000), Feed.UNKNOWN_LENGTH);

    assertThat(levels(parsed.dataSet())).isEqualTo(5000);
  }

  private static int levels(DataSet dataSet) {
    int levels = 0;
    List<DataSet> items = dataSet.getItems(Tags.ContentSequence);
    while (!items.isEmpty()) {
      levels++;
      items = items.get(0).getItems(Tags.ContentSequence);
    }
    return levels;
  }

  // ---- VR codes

  @ParameterizedTest
  @ValueSource(strings = {"QQ", "ob", "  ", "\0\0", "O\0", "\u00FF\u00FF", "\u00C0\u00C1"})
  void unknownVrCode_failsAtTheVrBytes_namingTheCode(String code) {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] vr = {(byte) code.charAt(0), (byte) code.charAt(1)};
    byte[] bytes = file.add(concat(tag(Tags.PatientName), vr, u16(4), text("ABCD"))).bytes();

    InvalidVrException e = rejection(InvalidVrException.class, bytes);

    assertWhere(e, start + 4, Tags.PatientName);
    assertThat(e.reason()).contains(String.format("0x%02X%02X", vr[0] & 0xFF, vr[1] & 0xFF));
  }

  @Test
  void unknownVrCodeInsideANestedItem_failsAtItsVrBytes() {
    byte[] bad = concat(tag(Tags.CodeValue), new byte[] {'Z', 'Z'}, u16(6), text("CODE01"));
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(RawDicom.undefinedLengthSequence(Tags.ContentSequence, RawDicom.undefinedLengthItem(bad))).bytes();

    InvalidVrException e = rejection(InvalidVrException.class, bytes);

    assertWhere(e, start + 12 + 8 + 4, Tags.CodeValue);
  }

  @Test
  void unknownVrCodeInBigEndianData_failsAtTheVrBytes() {
    RawDicom file = RawDicom.file(Uids.ExplicitVRBigEndian);
    int start = file.offset();
    byte[] bytes = file.add(new byte[] {0x00, 0x08, 0x00, 0x16, 'X', 'Y', 0x00, 0x02, '1', 0}).bytes();

    InvalidVrException e = rejection(InvalidVrException.class, bytes);

    assertWhere(e, start + 4, Tags.SOPClassUID);
  }

  // ---- items, delimiters and fragments where PS3.5 7.5 and A.4 do not allow them

  @ParameterizedTest
  @ValueSource(ints = {Tag.ITEM, Tag.ITEM_DELIMITATION, Tag.SEQUENCE_DELIMITATION})
  void itemOrDelimiterAtTheTopLevel_failsAtItsTag(int structuralTag) {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(concat(tag(structuralTag), u32(0))).add(Tags.PatientName, "PN", text("X^Y")).bytes();

    InvalidStructureException e = rejection(InvalidStructureException.class, bytes);

    assertWhere(e, start, structuralTag);
  }

  @Test
  void sequenceDelimiterInASequenceOfDefinedLength_failsAtTheDelimiter() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tags.ReferencedImageSequence, "SQ", 8), tag(Tag.SEQUENCE_DELIMITATION), u32(0))).bytes();

    InvalidStructureException e = rejection(InvalidStructureException.class, bytes);

    assertWhere(e, start + 12, Tags.ReferencedImageSequence);
  }

  @Test
  void itemDelimiterInAnItemOfDefinedLength_failsAtTheDelimiter() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(RawDicom.sequence(Tags.ReferencedImageSequence,
        concat(tag(Tag.ITEM), u32(8), tag(Tag.ITEM_DELIMITATION), u32(0)))).bytes();

    InvalidStructureException e = rejection(InvalidStructureException.class, bytes);

    assertWhere(e, start + 12 + 8, Tag.ITEM_DELIMITATION);
  }

  @Test
  void elementDirectlyInsideASequence_failsNamingTheSequence() {
    RawDicom file = explicitLe();
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tags.ContentSequence, "SQ", 0xFFFF_FFFFL),
        element(Tags.CodeValue, "SH", text("CODE01")), tag(Tag.SEQUENCE_DELIMITATION), u32(0))).bytes();

    InvalidStructureException e = rejection(InvalidStructureException.class, bytes);

    assertWhere(e, start + 12, Tags.ContentSequence);
    assertThat(e.reason()).contains(Tag.toString(Tags.CodeValue));
  }

  @Test
  void pixelDataFragmentOfUndefinedLength_failsAtTheFragment() {
    RawDicom file = RawDicom.file(Uids.JPEGBaseline8Bit).add(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage));
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tag.PIXEL_DATA, "OB", 0xFFFF_FFFFL), tag(Tag.ITEM), u32(0),
        tag(Tag.ITEM), u32(0xFFFF_FFFFL), new byte[] {(byte) 0xFF, (byte) 0xD8}, tag(Tag.SEQUENCE_DELIMITATION), u32(0))).bytes();

    InvalidLengthException e = rejection(InvalidLengthException.class, bytes);

    assertWhere(e, start + 12 + 8, Tag.PIXEL_DATA);
  }

  @Test
  void encapsulatedPixelDataWithoutBasicOffsetTable_failsAtTheDelimiter() {
    RawDicom file = RawDicom.file(Uids.JPEGBaseline8Bit).add(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage));
    int start = file.offset();
    byte[] bytes = file.add(concat(header(Tag.PIXEL_DATA, "OB", 0xFFFF_FFFFL), tag(Tag.SEQUENCE_DELIMITATION), u32(0))).bytes();

    InvalidStructureException e = rejection(InvalidStructureException.class, bytes);

    assertWhere(e, start + 12, Tag.PIXEL_DATA);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void encapsulatedPixelDataNeverDelimited_failsAsTruncatedWhereTheInputEnds(Feed feed) {
    byte[] bytes = RawDicom.file(Uids.JPEGBaseline8Bit).add(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage))
        .add(concat(header(Tag.PIXEL_DATA, "OB", 0xFFFF_FFFFL), tag(Tag.ITEM), u32(0), tag(Tag.ITEM), u32(2), new byte[] {1, 2}))
        .bytes();

    TruncatedInputException e = rejection(TruncatedInputException.class, bytes, ReadOptions.DEFAULT, feed);

    assertThat(e.offset()).isEqualTo(bytes.length);
  }
}
