package org.custos.dicom.malformed;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.dicom.malformed.Parsing.assertWhere;
import static org.custos.dicom.malformed.Parsing.rejection;
import static org.custos.dicom.malformed.RawDicom.concat;
import static org.custos.dicom.malformed.RawDicom.element;
import static org.custos.dicom.malformed.RawDicom.text;
import static org.custos.dicom.malformed.RawDicom.u32;
import static org.custos.dicom.malformed.RawDicom.uid;

import org.custos.dicom.DicomParseException;
import org.custos.dicom.InvalidFileMetaException;
import org.custos.dicom.InvalidVrException;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PS3.10 7.1 file meta group with a (0002,0000) group length that lies, or is itself
 * malformed. The group length decides where the data set starts — and so in which transfer
 * syntax every following byte is read — so each lie must fail as {@link InvalidFileMetaException}
 * rather than shift the data set.
 */
class FileMetaAbuseTest {
  private static final int META_START = 132;
  private static final int FIRST_META_ELEMENT = META_START + 12;
  private static final byte[] META = RawDicom.metaElements(Uids.ExplicitVRLittleEndian);
  private static final int LAST_META_ELEMENT_LENGTH =
      element(Tags.ImplementationClassUID, "UI", uid("1.2.826.0.1.3680043.8.498")).length;
  private static final byte[] FIRST_DATA_ELEMENT = element(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage));

  /** A file whose group length is off by {@code error} bytes; the data set starts at 144 + META.length. */
  private static byte[] fileWithGroupLengthError(int error) {
    return RawDicom.file(new byte[128], Uids.ExplicitVRLittleEndian, error)
        .add(FIRST_DATA_ELEMENT)
        .add(Tags.PatientName, "PN", text("Synthetic^Test"))
        .bytes();
  }

  private static int dataSetStart() {
    return FIRST_META_ELEMENT + META.length;
  }

  @Test
  void correctGroupLength_parses() {
    assertThat(Parsing.parsed(fileWithGroupLengthError(0)).dataSetOffset()).isEqualTo(dataSetStart());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void groupLengthTwoBytesShort_failsAtTheMetaElementItCuts(Feed feed) {
    int lastValueStart = dataSetStart() - LAST_META_ELEMENT_LENGTH + 8;

    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, fileWithGroupLengthError(-2), ReadOptions.DEFAULT, feed);

    assertWhere(e, lastValueStart, Tags.ImplementationClassUID);
  }

  @Test
  void groupLengthEndingOneElementEarly_failsWhereTheGroupWasSaidToEnd() {
    int declaredEnd = dataSetStart() - LAST_META_ELEMENT_LENGTH;

    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, fileWithGroupLengthError(-LAST_META_ELEMENT_LENGTH));

    assertWhere(e, declaredEnd, Tags.FileMetaInformationGroupLength);
    assertThat(e.reason()).contains("group 0002 continues");
  }

  @Test
  void groupLengthZero_failsAtTheFirstMetaElement() {
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, fileWithGroupLengthError(-META.length));

    assertWhere(e, FIRST_META_ELEMENT, Tags.FileMetaInformationGroupLength);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void groupLengthFourBytesLong_failsAtTheDataSetElementItReachesInto(Feed feed) {
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, fileWithGroupLengthError(4), ReadOptions.DEFAULT, feed);

    assertWhere(e, dataSetStart(), Tags.SOPClassUID);
  }

  @Test
  void groupLengthSwallowingAWholeDataSetElement_failsAtThatElement() {
    // The group now holds (0008,0016) entirely. The failure must point at that element, not at
    // the start of the file meta: its own offset is the one a person needs to find it.
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, fileWithGroupLengthError(FIRST_DATA_ELEMENT.length));

    assertWhere(e, dataSetStart(), Tags.SOPClassUID);
  }

  @Test
  void groupLengthPastTheEndOfTheFile_failsAtTheGroupLength() {
    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, fileWithGroupLengthError(10_000));

    assertWhere(e, META_START, Tags.FileMetaInformationGroupLength);
    assertThat(e.reason()).contains("runs past the end");
  }

  @Test
  void groupLengthPastTheEndOfAStream_failsAsInvalidFileMeta() {
    DicomParseException e = rejection(InvalidFileMetaException.class, fileWithGroupLengthError(10_000), ReadOptions.DEFAULT,
        Feed.UNKNOWN_LENGTH);

    assertThat(e.offset()).isBetween((long) META_START, (long) fileWithGroupLengthError(10_000).length);
  }

  @Test
  void groupLengthWithTheWrongVr_failsAtTheGroupLength() {
    byte[] bytes = concat(new byte[128], "DICM".getBytes(US_ASCII),
        RawDicom.tag(Tags.FileMetaInformationGroupLength), new byte[] {'U', 'I'}, RawDicom.u16(4), u32(META.length), META,
        FIRST_DATA_ELEMENT);

    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, bytes);

    assertWhere(e, META_START, Tags.FileMetaInformationGroupLength);
  }

  @Test
  void groupLengthOfTwoBytes_failsAtTheGroupLength() {
    byte[] bytes = concat(new byte[128], "DICM".getBytes(US_ASCII),
        RawDicom.tag(Tags.FileMetaInformationGroupLength), new byte[] {'U', 'L'}, RawDicom.u16(2), RawDicom.u16(META.length), META,
        FIRST_DATA_ELEMENT);

    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, bytes);

    assertWhere(e, META_START, Tags.FileMetaInformationGroupLength);
  }

  @Test
  void unknownVrInsideTheFileMeta_failsAtItsVrBytes() {
    byte[] bytes = fileWithGroupLengthError(0);
    // (0002,0001) OB takes 14 bytes; the VR of (0002,0002) follows its 4 tag bytes.
    int vrOffset = FIRST_META_ELEMENT + 14 + 4;
    bytes[vrOffset] = 'Q';
    bytes[vrOffset + 1] = 'Q';

    InvalidVrException e = rejection(InvalidVrException.class, bytes);

    assertWhere(e, vrOffset, Tags.MediaStorageSOPClassUID);
  }

  @Test
  void unsupportedTransferSyntax_failsNamingTheTransferSyntaxTag() {
    byte[] bytes = RawDicom.file("1.2.3.4").add(FIRST_DATA_ELEMENT).bytes();

    InvalidFileMetaException e = rejection(InvalidFileMetaException.class, bytes);

    assertThat(e.tag()).isEqualTo(Tags.TransferSyntaxUID);
    assertThat(e.reason()).contains("1.2.3.4");
  }
}
