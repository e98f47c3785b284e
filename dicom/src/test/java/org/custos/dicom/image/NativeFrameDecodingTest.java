package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.dicom.image.SyntheticImage.bytes;
import static org.custos.dicom.image.SyntheticImage.le16;
import static org.custos.dicom.image.SyntheticImage.le32;

import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.Test;

class NativeFrameDecodingTest {
  private static final TransferSyntax LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
  private final FrameDecoder decoder = new FrameDecoder();

  private PixelBuffer decode(DataSet ds, int frame) {
    return decoder.decodeFrame(ds, LE, frame, BulkDataSource.NONE);
  }

  @Test
  void signed12BitsIn16_dropGarbageHighBitsAndSignExtend() {
    DataSet ds = SyntheticImage.of(2, 2).bits(16, 12, 11, true).withNative(le16(0xF800, 0xA7FF, 0x0FFF, 0x5000));

    assertThat(decode(ds, 0).toArray()).containsExactly(-2048, 2047, -1, 0);
  }

  @Test
  void unsigned12BitsIn16_dropGarbageHighBits() {
    DataSet ds = SyntheticImage.of(2, 2).bits(16, 12, 11, false).withNative(le16(0xF800, 0xA7FF, 0x0FFF, 0x5000));

    PixelBuffer buffer = decode(ds, 0);

    assertThat(buffer.toArray()).containsExactly(2048, 2047, 4095, 0);
    assertThat(buffer.bitsStored()).isEqualTo(12);
    assertThat(buffer.signed()).isFalse();
  }

  @Test
  void highBitAboveBitsStored_shiftsTheStoredBitsDown() {
    DataSet ds = SyntheticImage.of(1, 2).bits(16, 12, 15, true).withNative(le16(0xABC5, 0x0017));

    assertThat(decode(ds, 0).toArray()).containsExactly(0xFFFFFABC, 0x001);
  }

  @Test
  void signed8Bit_signExtends() {
    DataSet ds = SyntheticImage.of(1, 3).bits(8, 8, 7, true).withNative(bytes(0xFF, 0x80, 0x7F, 0));

    assertThat(decode(ds, 0).toArray()).containsExactly(-1, -128, 127);
  }

  @Test
  void thirtyTwoBit_signedAndUnsigned() {
    byte[] data = le32(0xFFFFFFFBL, 0x7FFFFFFFL);

    assertThat(decode(SyntheticImage.of(1, 2).bits(32, 32, 31, true).withNative(data), 0).toArray())
        .containsExactly(-5, Integer.MAX_VALUE);
    PixelBuffer unsigned = decode(SyntheticImage.of(1, 2).bits(32, 32, 31, false).withNative(data), 0);
    assertThat(Integer.toUnsignedLong(unsigned.sample(0, 0, 0))).isEqualTo(0xFFFFFFFBL);
  }

  @Test
  void monochrome1_keepsStoredValuesAndSaysSo() {
    DataSet ds = SyntheticImage.of(1, 2).bits(8, 8, 7, false).photometric("MONOCHROME1").withNative(bytes(0, 200));

    PixelBuffer buffer = decode(ds, 0);

    assertThat(buffer.toArray()).containsExactly(0, 200);
    assertThat(buffer.photometricInterpretation()).isEqualTo(PhotometricInterpretation.MONOCHROME1);
  }

  @Test
  void paletteColour_keepsIndices() {
    DataSet ds = SyntheticImage.of(1, 2).bits(16, 16, 15, false).photometric("PALETTE COLOR").withNative(le16(3, 65535));

    PixelBuffer buffer = decode(ds, 0);

    assertThat(buffer.toArray()).containsExactly(3, 65535);
    assertThat(buffer.photometricInterpretation()).isEqualTo(PhotometricInterpretation.PALETTE_COLOR);
  }

  @Test
  void rgbByPlane_decodesLikeRgbByPixel() {
    byte[] byPixel = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    byte[] byPlane = bytes(1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12);
    SyntheticImage interleaved = SyntheticImage.of(2, 2).bits(8, 8, 7, false).colour("RGB", 3, 0);
    SyntheticImage planar = SyntheticImage.of(2, 2).bits(8, 8, 7, false).colour("RGB", 3, 1);

    PixelBuffer fromPixels = decode(interleaved.withNative(byPixel), 0);

    assertThat(decode(planar.withNative(byPlane), 0)).isEqualTo(fromPixels);
    assertThat(fromPixels.sample(1, 0, 2)).isEqualTo(6);
    assertThat(fromPixels.sample(0, 1, 0)).isEqualTo(7);
  }

  @Test
  void rgb16BitByPlane_decodesLikeByPixel() {
    SyntheticImage planar = SyntheticImage.of(1, 2).bits(16, 16, 15, false).colour("RGB", 3, 1);
    SyntheticImage interleaved = SyntheticImage.of(1, 2).bits(16, 16, 15, false).colour("RGB", 3, 0);

    assertThat(decode(planar.withNative(le16(100, 400, 200, 500, 300, 600)), 0))
        .isEqualTo(decode(interleaved.withNative(le16(100, 200, 300, 400, 500, 600)), 0));
  }

  @Test
  void ybrFull422_sharesChrominanceBetweenThePixelsOfAPair() {
    DataSet ds = SyntheticImage.of(1, 4).bits(8, 8, 7, false).colour("YBR_FULL_422", 3, 0)
        .withNative(bytes(10, 20, 100, 200, 30, 40, 110, 210));

    PixelBuffer buffer = decode(ds, 0);

    assertThat(buffer.photometricInterpretation()).isEqualTo(PhotometricInterpretation.YBR_FULL);
    assertThat(buffer.toArray()).containsExactly(10, 100, 200, 20, 100, 200, 30, 110, 210, 40, 110, 210);
  }

  @Test
  void ybrFull422_withOddColumns_fails() {
    DataSet ds = SyntheticImage.of(1, 3).bits(8, 8, 7, false).colour("YBR_FULL_422", 3, 0).withNative(new byte[8]);

    assertThatThrownBy(() -> decode(ds, 0)).isInstanceOf(ImageException.class)
        .hasMessageContaining("even number of Columns");
  }

  @Test
  void oneBitFrames_arePackedAcrossByteBoundaries() {
    // 3 frames of 3x3 = 27 bits; PS3.5 8.1.1: least significant bit first, no padding between frames.
    String bits = "101000001" + "010111110" + "111000111";
    byte[] packed = new byte[4];
    for (int i = 0; i < bits.length(); i++) {
      if (bits.charAt(i) == '1') {
        packed[i / 8] |= (byte) (1 << (i % 8));
      }
    }
    DataSet ds = SyntheticImage.of(3, 3).bits(1, 1, 0, false).frames(3).withNative(packed);

    for (int f = 0; f < 3; f++) {
      int[] expected = bits.substring(9 * f, 9 * f + 9).chars().map(c -> c - '0').toArray();
      assertThat(decode(ds, f).toArray()).as("frame %d", f).containsExactly(expected);
    }
    assertThat(FrameLocator.locate(ds, LE, 1, BulkDataSource.NONE).firstBitOffset()).isEqualTo(1);
  }

  @Test
  void decodeFrames_concatenatesAllFrames() {
    DataSet ds = SyntheticImage.of(1, 2).bits(8, 8, 7, false).frames(3).withNative(bytes(1, 2, 3, 4, 5, 6));

    PixelBuffer all = decoder.decodeFrames(ds, LE, BulkDataSource.NONE);

    assertThat(all.frames()).isEqualTo(3);
    assertThat(all.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(all.sample(2, 1, 0, 0)).isEqualTo(6);
    assertThat(decode(ds, 1).toArray()).containsExactly(3, 4);
  }

  @Test
  void frameIndexOutOfRange_failsNamingTheRange() {
    DataSet ds = SyntheticImage.of(1, 2).bits(8, 8, 7, false).frames(2).withNative(bytes(1, 2, 3, 4));

    assertThatThrownBy(() -> decode(ds, 2)).isInstanceOf(ImageException.class)
        .hasMessage("frame index 2 is out of range 0..1 (Number of Frames (0028,0008) is 2)");
    assertThatThrownBy(() -> decode(ds, -1)).isInstanceOf(ImageException.class)
        .hasMessageContaining("out of range 0..1");
  }

  @Test
  void pixelDataShorterThanItsDescription_failsWithLengths() {
    DataSet ds = SyntheticImage.of(2, 2).bits(16, 16, 15, false).frames(2).withNative(le16(1, 2, 3, 4, 5, 6));

    assertThat(decode(ds, 0).toArray()).containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> decode(ds, 1)).isInstanceOf(ImageException.class)
        .hasMessageContaining("holds 12 bytes; frame 1 needs bytes 8..16");
  }

  @Test
  void missingPixelData_fails() {
    DataSet ds = SyntheticImage.of(1, 1).header().build();

    assertThatThrownBy(() -> decode(ds, 0)).isInstanceOf(ImageException.class).hasMessageContaining("no Pixel Data");
  }

  @Test
  void bulkPixelDataFromBigEndianSource_isSwappedEvenAtOddFrameOffsets() {
    // Two 1x3 8-bit frames in an OW value from a big endian source: each 16-bit word byte-swapped.
    byte[] file = bytes(0xEE, 0xEE, 2, 1, 4, 3, 6, 5);
    DataSet ds = SyntheticImage.of(1, 3).bits(8, 8, 7, false).frames(2).header()
        .add(Tags.PixelData, Vr.OW, new Value.Bulk(new BulkRef(2, 6, true, false))).build();

    PixelBuffer frame1 = decoder.decodeFrame(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, 1,
        SyntheticImage.memorySource(file));

    assertThat(frame1.toArray()).containsExactly(4, 5, 6);
  }

  @Test
  void bulkPixelData_readsOnlyTheFramesBytes() {
    byte[] file = bytes(9, 9, 9, 1, 2, 3, 4, 5, 6);
    DataSet ds = SyntheticImage.of(1, 3).bits(8, 8, 7, false).frames(2).header()
        .add(Tags.PixelData, Vr.OB, new Value.Bulk(new BulkRef(3, 6, false, false))).build();
    java.util.List<BulkRef> reads = new java.util.ArrayList<>();
    BulkDataSource recording = ref -> {
      reads.add(ref);
      return SyntheticImage.memorySource(file).open(ref);
    };

    assertThat(decoder.decodeFrame(ds, LE, 1, recording).toArray()).containsExactly(4, 5, 6);
    assertThat(reads).containsExactly(new BulkRef(6, 3, false, false));
  }
}
