package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.dictionary.Uids;

/** RLE Lossless is lossless: any image, RLE-encoded here per PS3.5 G.3, decodes like its native form. */
class RleRoundTripPropertiesTest {
  private static final TransferSyntax RLE = TransferSyntax.of(Uids.RLELossless).orElseThrow();

  @Property(tries = 300)
  void rleEncodedImage_decodesLikeTheNativeImage(
      @ForAll @IntRange(min = 1, max = 9) int rows, @ForAll @IntRange(min = 1, max = 9) int columns,
      @ForAll boolean colour, @ForAll @IntRange(min = 0, max = 2) int depth, @ForAll boolean signed,
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int runniness) {
    int bitsAllocated = 8 << depth;
    int samples = colour ? 3 : 1;
    java.util.Random random = new java.util.Random(seed);
    byte[] pixels = new byte[rows * columns * samples * bitsAllocated / 8];
    for (int i = 0; i < pixels.length; i++) {
      // Low "runniness" gives noise (literal runs), high gives long replicate runs.
      pixels[i] = (byte) (random.nextInt(1 + runniness * 4) == 0 ? random.nextInt(256) : (i > 0 ? pixels[i - 1] : 7));
    }
    SyntheticImage image = SyntheticImage.of(rows, columns).bits(bitsAllocated, bitsAllocated, bitsAllocated - 1, signed);
    if (colour) {
      image.colour("RGB", 3, 0);
    }
    DataSet nativeImage = image.withNative(pixels);
    DataSet rleImage = image.withFragments(new byte[0], List.of(encode(pixels, samples, bitsAllocated / 8)));

    PixelBuffer expected = new FrameDecoder().decodeFrame(nativeImage, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, 0,
        BulkDataSource.NONE);

    assertThat(new FrameDecoder().decodeFrame(rleImage, RLE, 0, BulkDataSource.NONE)).isEqualTo(expected);
  }

  /** PS3.5 G.2-G.5: one segment per byte plane, most significant byte of each sample first. */
  static byte[] encode(byte[] littleEndianPixels, int samples, int bytesPerSample) {
    int pixels = littleEndianPixels.length / samples / bytesPerSample;
    List<byte[]> segments = new ArrayList<>();
    for (int sample = 0; sample < samples; sample++) {
      for (int b = bytesPerSample - 1; b >= 0; b--) {
        byte[] plane = new byte[pixels];
        for (int p = 0; p < pixels; p++) {
          plane[p] = littleEndianPixels[(p * samples + sample) * bytesPerSample + b];
        }
        segments.add(packBits(plane));
      }
    }
    return RleDecodingTest.rleFrame(segments.toArray(byte[][]::new));
  }

  /** G.3.1: replicate runs of 2..128 bytes, literal runs of 1..128 bytes; padded to even length. */
  private static byte[] packBits(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < in.length) {
      int run = 1;
      while (i + run < in.length && run < 128 && in[i + run] == in[i]) {
        run++;
      }
      if (run >= 2) {
        out.write(1 - run);
        out.write(in[i]);
        i += run;
        continue;
      }
      int start = i;
      while (i < in.length && i - start < 128 && (i + 1 >= in.length || in[i + 1] != in[i])) {
        i++;
      }
      if (i == start) {
        i++;
      }
      out.write(i - start - 1);
      out.write(in, start, i - start);
    }
    if (out.size() % 2 != 0) {
      out.write(0);
    }
    return out.toByteArray();
  }
}
