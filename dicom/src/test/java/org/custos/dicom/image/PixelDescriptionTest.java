package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.Test;

class PixelDescriptionTest {

  @Test
  void readsTheImagePixelModule() {
    DataSet ds = SyntheticImage.of(512, 256).bits(16, 12, 11, true).colour("RGB", 3, 1).frames(4).header()
        .addText(Tags.RescaleSlope, Vr.DS, "2.5")
        .addText(Tags.RescaleIntercept, Vr.DS, "-1024")
        .addText(Tags.WindowCenter, Vr.DS, "40", "400")
        .addText(Tags.WindowWidth, Vr.DS, " 350 ", "1.5e3")
        .build();

    PixelDescription d = PixelDescription.of(ds);

    assertThat(d.rows()).isEqualTo(512);
    assertThat(d.columns()).isEqualTo(256);
    assertThat(d.samplesPerPixel()).isEqualTo(3);
    assertThat(d.bitsStored()).isEqualTo(12);
    assertThat(d.signed()).isTrue();
    assertThat(d.photometricInterpretation()).isEqualTo(PhotometricInterpretation.RGB);
    assertThat(d.planarConfiguration()).isEqualTo(1);
    assertThat(d.numberOfFrames()).isEqualTo(4);
    assertThat(d.rescaleSlope()).hasValue(2.5);
    assertThat(d.rescaleIntercept()).hasValue(-1024);
    assertThat(d.windowCenters()).containsExactly(40.0, 400.0);
    assertThat(d.windowWidths()).containsExactly(350.0, 1500.0);
    assertThat(d.frameSizeBytes()).isEqualTo(512L * 256 * 3 * 2);
  }

  @Test
  void optionalAttributes_default() {
    PixelDescription d = PixelDescription.of(SyntheticImage.of(2, 2).header().build());

    assertThat(d.numberOfFrames()).isEqualTo(1);
    assertThat(d.planarConfiguration()).isZero();
    assertThat(d.rescaleSlope()).isEmpty();
    assertThat(d.windowCenters()).isEmpty();
  }

  @Test
  void frameSizes_forOneBitAndYbr422() {
    PixelDescription oneBit = PixelDescription.of(SyntheticImage.of(3, 3).bits(1, 1, 0, false).header().build());
    PixelDescription ybr = PixelDescription.of(
        SyntheticImage.of(2, 4).bits(8, 8, 7, false).colour("YBR_FULL_422", 3, 0).header().build());

    assertThat(oneBit.frameSizeBits()).isEqualTo(9);
    assertThat(oneBit.frameSizeBytes()).isEqualTo(2);
    assertThat(ybr.frameSizeBytes()).isEqualTo(16);
  }

  @Test
  void missingRows_namesTheAttribute() {
    DataSet ds = SyntheticImage.of(2, 2).header().remove(Tags.Rows).build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).isInstanceOf(ImageException.class)
        .hasMessage("Rows (0028,0010) is missing");
  }

  @Test
  void bitsAllocated12_isRefusedWithTheAllowedValues() {
    DataSet ds = SyntheticImage.of(2, 2).bits(12, 12, 11, false).header().build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).isInstanceOf(ImageException.class)
        .hasMessage("Bits Allocated (0028,0100) is 12; allowed: 1, 8, 16 or 32");
  }

  @Test
  void outOfRangeValues_nameAttributeAndRange() {
    assertThatThrownBy(() -> PixelDescription.of(SyntheticImage.of(2, 2).bits(16, 17, 16, false).header().build()))
        .hasMessage("Bits Stored (0028,0101) is 17; allowed: 1..16");
    assertThatThrownBy(() -> PixelDescription.of(SyntheticImage.of(2, 2).bits(16, 12, 10, false).header().build()))
        .hasMessage("High Bit (0028,0102) is 10; allowed: 11..15");
    assertThatThrownBy(() -> PixelDescription.of(SyntheticImage.of(0, 2).header().build()))
        .hasMessage("Rows (0028,0010) is 0; allowed: 1..65535");
    assertThatThrownBy(() -> PixelDescription.of(SyntheticImage.of(2, 2).frames(0).header().build()))
        .hasMessage("Number of Frames (0028,0008) is 0; allowed: 1..2147483647");
  }

  @Test
  void samplesPerPixel_mustMatchThePhotometricInterpretation() {
    DataSet ds = SyntheticImage.of(2, 2).colour("RGB", 1, 0).header().build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).isInstanceOf(ImageException.class)
        .hasMessage("Samples per Pixel (0028,0002) is 1; RGB requires 3");
  }

  @Test
  void unknownPhotometricInterpretation_failsWithoutEchoingIt() {
    DataSet ds = SyntheticImage.of(2, 2).photometric("PATIENT NAME").header().build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).isInstanceOf(ImageException.class)
        .hasMessageNotContaining("PATIENT")
        .hasMessageContaining("Photometric Interpretation (0028,0004)");
  }

  @Test
  void malformedDecimal_failsWithoutEchoingIt() {
    DataSet ds = SyntheticImage.of(2, 2).header().addText(Tags.RescaleSlope, Vr.DS, "12abc").build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).isInstanceOf(ImageException.class)
        .hasMessage("Rescale Slope (0028,1053) is not a decimal string (PS3.5 6.2, DS)");
  }

  @Test
  void malformedNumberOfFrames_fails() {
    DataSet ds = SyntheticImage.of(2, 2).header().addText(Tags.NumberOfFrames, Vr.IS, "1A").build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).isInstanceOf(ImageException.class)
        .hasMessage("Number of Frames (0028,0008) is not an integer of its VR");
  }

  @Test
  void ybr422ByPlane_isRefused() {
    DataSet ds = SyntheticImage.of(2, 2).bits(8, 8, 7, false).colour("YBR_FULL_422", 3, 1).header().build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).hasMessage("Planar Configuration (0028,0006) must be 0 for YBR_FULL_422");
  }

  @Test
  void oversizedFrame_isRefused() {
    DataSet ds = SyntheticImage.of(65535, 65535).colour("RGB", 3, 0).header().build();

    assertThatThrownBy(() -> PixelDescription.of(ds)).hasMessageContaining("exceeds 2147483639 samples");
  }

  @Test
  void windowLists_areCopies() {
    PixelDescription d = PixelDescription.of(SyntheticImage.of(2, 2).header().build());

    assertThatThrownBy(() -> d.windowCenters().add(1.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(d.windowWidths())).isEmpty();
  }
}
