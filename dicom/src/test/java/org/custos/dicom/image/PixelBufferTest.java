package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class PixelBufferTest {
  private final PixelBuffer rgb = new PixelBuffer(2, 1, 3, 1, PhotometricInterpretation.RGB, 8, false,
      new int[] {1, 2, 3, 4, 5, 6});

  @Test
  void sample_indexesInterleavedRows() {
    assertThat(rgb.sample(1, 0, 0)).isEqualTo(4);
    assertThat(rgb.sample(0, 1, 0, 2)).isEqualTo(6);
  }

  @Test
  void sample_outsideTheImage_fails() {
    assertThatThrownBy(() -> rgb.sample(2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> rgb.sample(0, 0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> rgb.sample(1, 0, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void samples_isReadOnlyAndToArrayACopy() {
    assertThatThrownBy(() -> rgb.samples().put(0, 9)).isInstanceOf(ReadOnlyBufferException.class);
    rgb.toArray()[0] = 9;

    assertThat(rgb.sample(0, 0, 0)).isEqualTo(1);
  }

  @Test
  void toString_showsShapeNotSamples() {
    assertThat(rgb.toString()).isEqualTo("PixelBuffer[1 x 2x1 x 3, RGB, 8 bits unsigned]");
  }

  @Test
  void toRgb_convertsYbrFullWithThePs33Equations() {
    PixelBuffer ybr = new PixelBuffer(3, 1, 3, 1, PhotometricInterpretation.YBR_FULL, 8, false,
        new int[] {128, 128, 128, 76, 85, 255, 255, 0, 255});

    PixelBuffer converted = ybr.toRgb();

    assertThat(converted.photometricInterpretation()).isEqualTo(PhotometricInterpretation.RGB);
    // Grey stays grey; (76, 85, 255) is pure red in JFIF YCbCr; out-of-gamut values clamp.
    assertThat(converted.toArray()).containsExactly(128, 128, 128, 254, 0, 0, 255, 208, 28);
    assertThat(rgb.toRgb()).isSameAs(rgb);
  }

  @Test
  void toRgb_ofMonochrome_fails() {
    PixelBuffer grey = new PixelBuffer(1, 1, 1, 1, PhotometricInterpretation.MONOCHROME2, 8, false, new int[] {1});

    assertThatThrownBy(grey::toRgb).isInstanceOf(ImageException.class)
        .hasMessage("conversion to RGB needs unsigned RGB or YBR_FULL samples, not MONOCHROME2");
  }

  @Test
  void constructor_rejectsAMismatchedArray() {
    assertThatThrownBy(() -> new PixelBuffer(2, 2, 1, 1, PhotometricInterpretation.MONOCHROME2, 8, false, new int[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
