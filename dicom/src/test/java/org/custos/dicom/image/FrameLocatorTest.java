package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.dicom.image.SyntheticImage.bytes;
import static org.custos.dicom.image.SyntheticImage.le32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.Test;

class FrameLocatorTest {
  private static final TransferSyntax JPEG = TransferSyntax.of(Uids.JPEGBaseline8Bit).orElseThrow();
  private static final TransferSyntax J2K = TransferSyntax.of(Uids.JPEG2000).orElseThrow();
  private static final TransferSyntax RLE = TransferSyntax.of(Uids.RLELossless).orElseThrow();
  private static final SyntheticImage THREE_FRAMES = SyntheticImage.of(8, 8).bits(8, 8, 7, false).frames(3);

  private static final byte[] SOI_A = bytes(0xFF, 0xD8, 1, 2);
  private static final byte[] TAIL_A = bytes(3, 4, 5, 6, 7, 8);
  private static final byte[] SOI_B = bytes(0xFF, 0xD8, 9, 9);
  private static final byte[] SOI_C = bytes(0xFF, 0xD8, 8, 8, 8, 8);
  private static final List<byte[]> FIVE = List.of(SOI_A, TAIL_A, SOI_B, SOI_C, bytes(0, 0));

  private static List<List<Integer>> fragmentsPerFrame(List<FrameLocation> frames) {
    return frames.stream().map(f -> f.parts().stream().map(FramePart::fragmentIndex).toList()).toList();
  }

  @Test
  void nativeFrames_startAtMultiplesOfTheFrameSize() {
    DataSet ds = SyntheticImage.of(2, 3).bits(16, 12, 11, false).frames(2).withNative(new byte[24]);

    List<FrameLocation> frames = FrameLocator.locate(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, BulkDataSource.NONE);

    assertThat(frames).extracting(FrameLocation::boundary).containsOnly(FrameBoundary.NATIVE);
    assertThat(frames.get(1).parts()).containsExactly(new FramePart(FramePart.NATIVE, 12, 12, Optional.empty()));
  }

  @Test
  void nativeBulkFrames_reportTheirSourceRange() {
    DataSet ds = SyntheticImage.of(2, 2).bits(8, 8, 7, false).frames(3).header()
        .add(Tags.PixelData, Vr.OB, new Value.Bulk(new BulkRef(1000, 12, false, false))).build();

    FrameLocation frame = FrameLocator.locate(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, 2, BulkDataSource.NONE);

    assertThat(frame.parts().get(0).source()).contains(new BulkRef(1008, 4, false, false));
    assertThat(frame.lengthBytes()).isEqualTo(4);
  }

  @Test
  void basicOffsetTable_groupsFragments() {
    // Item starts: 0, 12, 26, 38, 52 (8-byte item header plus value).
    DataSet ds = THREE_FRAMES.withFragments(le32(0, 26, 38), FIVE);

    List<FrameLocation> frames = FrameLocator.locate(ds, JPEG, BulkDataSource.NONE);

    assertThat(frames).extracting(FrameLocation::boundary).containsOnly(FrameBoundary.BASIC_OFFSET_TABLE);
    assertThat(fragmentsPerFrame(frames)).containsExactly(List.of(0, 1), List.of(2), List.of(3, 4));
  }

  @Test
  void basicOffsetTableNotPointingAtItems_isIgnoredForStartMarkers() {
    DataSet ds = THREE_FRAMES.withFragments(le32(0, 27, 38), FIVE);

    List<FrameLocation> frames = FrameLocator.locate(ds, JPEG, BulkDataSource.NONE);

    assertThat(frames).extracting(FrameLocation::boundary).containsOnly(FrameBoundary.START_MARKER);
    assertThat(fragmentsPerFrame(frames)).containsExactly(List.of(0, 1), List.of(2), List.of(3, 4));
  }

  @Test
  void extendedOffsetTable_winsOverTheBasicOne() {
    byte[] offsets = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(12).putLong(38).array();
    DataSet ds = THREE_FRAMES.withFragments(le32(0, 26, 38), FIVE).toBuilder()
        .put(new org.custos.dicom.DicomElement(Tags.ExtendedOffsetTable, Vr.OV, Value.Bytes.of(offsets))).build();

    List<FrameLocation> frames = FrameLocator.locate(ds, JPEG, BulkDataSource.NONE);

    assertThat(frames).extracting(FrameLocation::boundary).containsOnly(FrameBoundary.EXTENDED_OFFSET_TABLE);
    assertThat(fragmentsPerFrame(frames)).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4));
  }

  @Test
  void asManyFragmentsAsFrames_isOneFragmentPerFrame() {
    DataSet ds = THREE_FRAMES.withFragments(new byte[0], List.of(TAIL_A, TAIL_A, TAIL_A));

    List<FrameLocation> frames = FrameLocator.locate(ds, RLE, BulkDataSource.NONE);

    assertThat(frames).extracting(FrameLocation::boundary).containsOnly(FrameBoundary.FRAGMENT_PER_FRAME);
    assertThat(fragmentsPerFrame(frames)).containsExactly(List.of(0), List.of(1), List.of(2));
  }

  @Test
  void jpeg2000Frames_startAtSocMarkers() {
    byte[] soc = bytes(0xFF, 0x4F, 0xFF, 0x51);
    DataSet ds = THREE_FRAMES.withFragments(new byte[0], List.of(soc, TAIL_A, soc, soc, TAIL_A));

    assertThat(fragmentsPerFrame(FrameLocator.locate(ds, J2K, BulkDataSource.NONE)))
        .containsExactly(List.of(0, 1), List.of(2), List.of(3, 4));
  }

  @Test
  void singleFrame_takesEveryFragment() {
    DataSet ds = SyntheticImage.of(8, 8).bits(8, 8, 7, false).withFragments(new byte[0], FIVE);

    FrameLocation frame = FrameLocator.locate(ds, JPEG, 0, BulkDataSource.NONE);

    assertThat(frame.boundary()).isEqualTo(FrameBoundary.SINGLE_FRAME);
    assertThat(frame.parts()).hasSize(5);
    assertThat(frame.lengthBytes()).isEqualTo(22);
  }

  @Test
  void unassignableFragments_fail() {
    DataSet ds = THREE_FRAMES.withFragments(new byte[0], List.of(SOI_A, TAIL_A, TAIL_A, SOI_B));

    assertThatThrownBy(() -> FrameLocator.locate(ds, JPEG, BulkDataSource.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessage("cannot assign 4 fragments to 3 frames: no usable offset table, and no frame start markers"
            + " for transfer syntax 1.2.840.10008.1.2.4.50");
  }

  @Test
  void bulkFragments_reportSourceRangesAndAreScannedThroughTheSource() {
    byte[] file = new byte[64];
    System.arraycopy(SOI_A, 0, file, 8, 4);
    System.arraycopy(SOI_B, 0, file, 20, 4);
    System.arraycopy(SOI_C, 0, file, 32, 4);
    List<Value> fragments = List.of(
        new Value.Bulk(new BulkRef(8, 4, false, false)), Value.Bytes.of(TAIL_A),
        new Value.Bulk(new BulkRef(20, 4, false, false)), new Value.Bulk(new BulkRef(32, 4, false, false)));
    DataSet ds = THREE_FRAMES.header()
        .add(Tags.PixelData, Vr.OB, new Value.Fragments(Value.Bytes.of(new byte[0]), fragments)).build();

    List<FrameLocation> frames = FrameLocator.locate(ds, JPEG, SyntheticImage.memorySource(file));

    assertThat(fragmentsPerFrame(frames)).containsExactly(List.of(0, 1), List.of(2), List.of(3));
    assertThat(frames.get(0).parts().get(0).source()).contains(new BulkRef(8, 4, false, false));
    assertThat(frames.get(0).parts().get(1).source()).isEmpty();
  }

  @Test
  void moreFramesThanFragments_failsBeforeAllocatingPerFrame() {
    DataSet ds = SyntheticImage.of(8, 8).bits(8, 8, 7, false).frames(Integer.MAX_VALUE)
        .withFragments(new byte[0], List.of(SOI_A, SOI_B));

    assertThatThrownBy(() -> FrameLocator.locate(ds, JPEG, BulkDataSource.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessage("encapsulated Pixel Data (7FE0,0010) has 2 fragment(s), fewer than Number of Frames (0028,0008) "
            + Integer.MAX_VALUE);
  }

  @Test
  void encapsulatedSyntaxWithNativePixelData_fails() {
    DataSet ds = SyntheticImage.of(1, 1).bits(8, 8, 7, false).withNative(new byte[2]);

    assertThatThrownBy(() -> FrameLocator.locate(ds, JPEG, BulkDataSource.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("is native but transfer syntax 1.2.840.10008.1.2.4.50 is encapsulated");
  }
}
