package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.dicom.image.SyntheticImage.bytes;
import static org.custos.dicom.image.SyntheticImage.le32;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.Test;

class RleDecodingTest {
  private static final TransferSyntax RLE = TransferSyntax.of(Uids.RLELossless).orElseThrow();
  private final FrameDecoder decoder = new FrameDecoder();

  /** PS3.5 G.5: a 64-byte header (segment count, 15 offsets) followed by the segments. */
  static byte[] rleFrame(byte[]... segments) {
    long[] header = new long[16];
    header[0] = segments.length;
    long offset = 64;
    for (int i = 0; i < segments.length; i++) {
      header[i + 1] = offset;
      offset += segments[i].length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(le32(header));
    for (byte[] segment : segments) {
      out.writeBytes(segment);
    }
    return out.toByteArray();
  }

  private PixelBuffer decode(SyntheticImage image, byte[] frame) {
    return decoder.decodeFrame(image.withFragments(new byte[0], List.of(frame)), RLE, 0, BulkDataSource.NONE);
  }

  @Test
  void replicateLiteralAndNoOpRuns_decode() {
    // -3 repeats the next byte 4 times, 3 copies 4 literal bytes, -128 does nothing; 0 pads to even length.
    byte[] segment = bytes(0xFD, 5, 0x80, 3, 1, 2, 3, 4, 0);

    PixelBuffer buffer = decode(SyntheticImage.of(2, 4).bits(8, 8, 7, false), rleFrame(segment));

    assertThat(buffer.toArray()).containsExactly(5, 5, 5, 5, 1, 2, 3, 4);
  }

  @Test
  void sixteenBitSamples_combineSegmentsMostSignificantFirst() {
    byte[] high = bytes(1, 0xFF, 0x01);
    byte[] low = bytes(1, 0xFE, 0x02);

    PixelBuffer buffer = decode(SyntheticImage.of(1, 2).bits(16, 16, 15, true), rleFrame(high, low));

    assertThat(buffer.toArray()).containsExactly(-2, 258);
  }

  @Test
  void rgb_isInterleavedWhateverThePlanarConfiguration() {
    byte[] red = bytes(1, 10, 11);
    byte[] green = bytes(1, 20, 21);
    byte[] blue = bytes(1, 30, 31);

    PixelBuffer buffer = decode(SyntheticImage.of(1, 2).bits(8, 8, 7, false).colour("RGB", 3, 1),
        rleFrame(red, green, blue));

    assertThat(buffer.toArray()).containsExactly(10, 20, 30, 11, 21, 31);
  }

  @Test
  void thirtyTwoBitSamples_useFourSegments() {
    PixelBuffer buffer = decode(SyntheticImage.of(1, 1).bits(32, 32, 31, false),
        rleFrame(bytes(0, 0x12), bytes(0, 0x34), bytes(0, 0x56), bytes(0, 0x78)));

    assertThat(buffer.toArray()).containsExactly(0x12345678);
  }

  @Test
  void runPastTheLastPixel_isCutOff() {
    PixelBuffer buffer = decode(SyntheticImage.of(1, 3).bits(8, 8, 7, false), rleFrame(bytes(0xF0, 7)));

    assertThat(buffer.toArray()).containsExactly(7, 7, 7);
  }

  @Test
  void multiFrame_usesOneFragmentPerFrame() {
    SyntheticImage image = SyntheticImage.of(1, 2).bits(8, 8, 7, false).frames(2);
    DataSet ds = image.withFragments(new byte[0], List.of(rleFrame(bytes(1, 1, 2)), rleFrame(bytes(0xFF, 9))));

    assertThat(decoder.decodeFrames(ds, RLE, BulkDataSource.NONE).toArray()).containsExactly(1, 2, 9, 9);
  }

  @Test
  void frameShorterThanItsHeader_fails() {
    assertThatThrownBy(() -> decode(SyntheticImage.of(1, 1).bits(8, 8, 7, false), new byte[63]))
        .isInstanceOf(ImageException.class)
        .hasMessage("RLE frame 0 has 63 bytes, fewer than its 64-byte header (PS3.5 G.5)");
  }

  @Test
  void wrongSegmentCount_failsNamingTheExpectedCount() {
    assertThatThrownBy(() -> decode(SyntheticImage.of(1, 1).bits(16, 16, 15, false), rleFrame(bytes(0, 1))))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("declares 1 segments; Samples per Pixel 1 and Bits Allocated 16 need 2");
  }

  @Test
  void segmentOffsetPastTheFrame_fails() {
    byte[] frame = rleFrame(bytes(0, 1));
    frame[4] = 100;

    assertThatThrownBy(() -> decode(SyntheticImage.of(1, 1).bits(8, 8, 7, false), frame))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("segment 0 offset 100 is outside 64..66");
  }

  @Test
  void segmentOffsetsOutOfOrder_fail() {
    byte[] frame = rleFrame(bytes(0, 1), bytes(0, 2));
    frame[8] = 64;
    frame[4] = 65;

    assertThatThrownBy(() -> decode(SyntheticImage.of(1, 1).bits(16, 16, 15, false), frame))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("segment 1 offset 64 is outside 65..68");
  }

  @Test
  void truncatedSegment_failsWithHowFarItGot() {
    assertThatThrownBy(() -> decode(SyntheticImage.of(2, 4).bits(8, 8, 7, false), rleFrame(bytes(0xFE, 5))))
        .isInstanceOf(ImageException.class)
        .hasMessage("RLE frame 0: segment 0 ends after 3 of 8 bytes");
  }

  @Test
  void literalRunCutOffBySegmentEnd_fails() {
    assertThatThrownBy(() -> decode(SyntheticImage.of(1, 4).bits(8, 8, 7, false), rleFrame(bytes(3, 1, 2))))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("literal run of 4 bytes cut off");
  }

  @Test
  void replicateRunWithoutItsByte_fails() {
    assertThatThrownBy(() -> decode(SyntheticImage.of(1, 4).bits(8, 8, 7, false), rleFrame(bytes(0xFD))))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("ends inside a replicate run");
  }

  @Test
  void oddLengthSegmentsAndTrailingPadding_areTolerated() {
    byte[] frame = rleFrame(bytes(0, 1, 0), bytes(0, 2));

    assertThat(decode(SyntheticImage.of(1, 1).bits(16, 16, 15, false), frame).toArray()).containsExactly(0x0102);
  }

  @Test
  void everyTruncation_failsWithImageException() {
    byte[] frame = rleFrame(bytes(0xFD, 5, 3, 1, 2, 3, 4), bytes(1, 7, 8, 0xFA, 9));
    SyntheticImage image = SyntheticImage.of(2, 4).bits(16, 16, 15, false);
    decode(image, frame);

    for (int length = 0; length < frame.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(frame, length);
      assertThatThrownBy(() -> decode(image, cut)).as("length %d", length).isInstanceOf(ImageException.class);
    }
  }
}
