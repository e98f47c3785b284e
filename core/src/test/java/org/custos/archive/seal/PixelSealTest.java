package org.custos.archive.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import org.custos.archive.SharedCorpus;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.FileBulkDataSource;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PixelSealTest {
  private static final String NATIVE = "valid/pydicom/MR_small.dcm";

  private static PixelSeal.Result seal(String relative) {
    Path file = SharedCorpus.file(relative);
    DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT);
    return PixelSeal.compute(parsed.dataSet(), parsed.transferSyntax(), FileBulkDataSource.of(file, parsed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"valid/pydicom/MR_small_implicit.dcm", "valid/pydicom/MR_small_bigendian.dcm",
      "valid/pydicom/MR_small_RLE.dcm", "derived/MR_small_jpeg_lossless_p14_sv6.dcm"})
  void losslessEncodingsOfTheSameImage_haveTheNativeImagesPixelSeal(String encoded) {
    PixelSeal.Result expected = seal(NATIVE);
    PixelSeal.Result actual = seal(encoded);

    assertThat(expected.kind()).isEqualTo(PixelSealKind.DECODED);
    assertThat(actual.kind()).isEqualTo(PixelSealKind.DECODED);
    assertThat(HexFormat.of().formatHex(actual.seal().orElseThrow()))
        .isEqualTo(HexFormat.of().formatHex(expected.seal().orElseThrow()));
  }

  @Test
  void oneChangedSample_changesTheSeal() {
    Path file = SharedCorpus.file(NATIVE);
    DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT.withAllValuesInMemory());
    byte[] pixels = ((Value.Bytes) parsed.dataSet().get(Tag.PIXEL_DATA).orElseThrow().value()).bytes();
    pixels[1000] ^= 1;
    DataSet edited = parsed.dataSet().toBuilder().put(new DicomElement(Tag.PIXEL_DATA, Vr.OW, Value.Bytes.of(pixels))).build();

    byte[] original = PixelSeal.compute(parsed.dataSet(), parsed.transferSyntax(), null).seal().orElseThrow();
    byte[] changed = PixelSeal.compute(edited, parsed.transferSyntax(), null).seal().orElseThrow();

    assertThat(changed).isNotEqualTo(original);
  }

  @Test
  void aChangedRescaleSlope_changesTheSeal_butAnEquivalentSpellingDoesNot() {
    DicomFile parsed = DicomReader.read(SharedCorpus.file(NATIVE), ReadOptions.DEFAULT.withAllValuesInMemory());
    DataSet slopeOne = Edit.text(parsed.dataSet(), Tags.RescaleSlope, Vr.DS, "1");
    DataSet slopeOneSpelledOut = Edit.text(parsed.dataSet(), Tags.RescaleSlope, Vr.DS, "1.000");
    DataSet slopeTwo = Edit.text(parsed.dataSet(), Tags.RescaleSlope, Vr.DS, "2");

    byte[] one = PixelSeal.compute(slopeOne, parsed.transferSyntax(), null).seal().orElseThrow();
    assertThat(PixelSeal.compute(slopeOneSpelledOut, parsed.transferSyntax(), null).seal().orElseThrow()).isEqualTo(one);
    assertThat(PixelSeal.compute(slopeTwo, parsed.transferSyntax(), null).seal().orElseThrow()).isNotEqualTo(one);
  }

  @Test
  void withoutPixelData_thereIsNoPixelSeal() {
    DicomFile parsed = DicomReader.read(SharedCorpus.file(NATIVE), ReadOptions.DEFAULT.withAllValuesInMemory());
    DataSet noPixels = parsed.dataSet().toBuilder().remove(Tag.PIXEL_DATA).build();

    PixelSeal.Result result = PixelSeal.compute(noPixels, parsed.transferSyntax(), null);

    assertThat(result.kind()).isEqualTo(PixelSealKind.NONE);
    assertThat(result.seal()).isEmpty();
  }

  @Test
  void withoutADecoder_theSealCoversTheEncodedFrames() {
    PixelSeal.Result result = seal("valid/pydicom/MR_small_jpeg_ls_lossless.dcm");

    assertThat(result.kind()).isEqualTo(PixelSealKind.ENCODED);
    assertThat(result.note().orElseThrow()).contains("no decoder");
  }
}
