package org.custos.server.dicomweb.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.server.dicomweb.DicomWebFixture.READER;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebFixture;
import org.custos.server.dicomweb.DicomWebResponse;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.Multipart;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourceNotFoundException;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.TestDicom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendered and thumbnail images decoded back: sizes, windows, MONOCHROME1 inversion, colour, palettes, errors. */
class RenderServiceTest {
  @TempDir
  static Path dir;
  static DicomWebFixture fixture;
  static RenderService render;
  static TestDicom mono2;
  static TestDicom mono1;
  static TestDicom ct;
  static TestDicom rgbJpeg;
  static TestDicom palette;
  static TestDicom jpeg2000;
  static TestDicom sr;

  @BeforeAll
  static void load() {
    fixture = DicomWebFixture.create(dir);
    render = new RenderService(fixture.archive());
    mono2 = TestDicom.fresh("valid/pydicom/MR_small.dcm", "R-1", "Render^Two");
    mono1 = mono2.nextInstance().with(Tags.PhotometricInterpretation, Vr.CS, "MONOCHROME1");
    ct = TestDicom.fresh("valid/pydicom/CT_small.dcm", "R-2", "Render^Ct");
    rgbJpeg = TestDicom.fresh("valid/pydicom/SC_rgb_jpeg_dcmtk.dcm", "R-3", "Render^Rgb");
    palette = TestDicom.fresh("valid/dicomweb-client/US-PAL-8-10x-echo.dcm", "R-4", "Render^Palette");
    jpeg2000 = TestDicom.fresh("valid/pydicom/JPEG2000.dcm", "R-5", "Render^J2k");
    sr = TestDicom.fresh("valid/pydicom/test-SR.dcm", "R-6", "Render^Sr");
    for (TestDicom instance : List.of(mono2, mono1, ct, rgbJpeg, palette, jpeg2000, sr)) {
      fixture.ingest(instance.bytes());
    }
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  static ResourcePath path(TestDicom instance) {
    return ResourcePath.instance(instance.studyUid(), instance.seriesUid(), instance.sopInstanceUid());
  }

  private static BufferedImage image(DicomWebResponse response) {
    try {
      byte[] body = Multipart.body(response);
      assertThat(response.contentLength()).hasValue(body.length);
      return ImageIO.read(new ByteArrayInputStream(body));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static BufferedImage rendered(TestDicom instance, String accept, String... pairs) {
    return image(render.rendered(path(instance), OptionalInt.empty(), params(pairs), accept, READER));
  }

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      map.put(pair.substring(0, eq), List.of(pair.substring(eq + 1)));
    }
    return map;
  }

  @Test
  void png_andJpeg_decodeAtTheImagesSize_jpegByDefault() {
    DicomWebResponse png = render.rendered(path(mono2), OptionalInt.empty(), Map.of(), "image/png", READER);
    assertThat(png.contentType()).isEqualTo("image/png");
    BufferedImage image = image(png);
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(image.getHeight()).isEqualTo(64);
    DicomWebResponse jpeg = render.rendered(path(ct), OptionalInt.empty(), Map.of(), null, READER);
    assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
    assertThat(image(jpeg).getWidth()).isEqualTo(128);
    assertThat(rendered(ct, "image/*;q=0.9, text/html").getWidth()).isEqualTo(128);
  }

  @Test
  void monochrome1_isTheInverseOfMonochrome2_underTheSameWindow() {
    Raster two = rendered(mono2, "image/png", "window=600,1200,linear").getRaster();
    Raster one = rendered(mono1, "image/png", "window=600,1200,linear").getRaster();
    int distinct = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        assertThat(one.getSample(x, y, 0)).isEqualTo(255 - two.getSample(x, y, 0));
        distinct += two.getSample(x, y, 0) == two.getSample(0, 0, 0) ? 0 : 1;
      }
    }
    assertThat(distinct).as("the image is not flat").isGreaterThan(100);
  }

  @Test
  void theWindowParameter_decidesWhatIsBlackAndWhite() {
    Raster low = rendered(mono2, "image/png", "window=-10000,2,linear").getRaster();
    Raster high = rendered(mono2, "image/png", "window=100000,2").getRaster();
    for (int y = 0; y < 64; y += 7) {
      for (int x = 0; x < 64; x += 7) {
        assertThat(low.getSample(x, y, 0)).isEqualTo(255);
        assertThat(high.getSample(x, y, 0)).isZero();
      }
    }
    assertThatThrownBy(() -> rendered(mono2, "image/png", "window=1,0")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> rendered(mono2, "image/png", "window=a,b,linear"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> rendered(mono2, "image/png", "window=1,2,cubic"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void viewport_scalesKeepingTheAspectRatio_andCrops() {
    assertThat(rendered(ct, "image/png", "viewport=64,64").getWidth()).isEqualTo(64);
    BufferedImage wide = rendered(ct, "image/png", "viewport=300,100");
    assertThat(wide.getWidth()).isEqualTo(100);
    assertThat(wide.getHeight()).isEqualTo(100);
    BufferedImage cropped = rendered(ct, "image/png", "viewport=20,10,0,0,64,32");
    assertThat(cropped.getWidth()).isEqualTo(20);
    assertThat(cropped.getHeight()).isEqualTo(10);
  }

  @Test
  void rgbJpeg_andPaletteColour_renderInColour() {
    BufferedImage rgb = rendered(rgbJpeg, "image/png");
    assertThat(rgb.getWidth()).isEqualTo(100);
    assertThat(rgb.getColorModel().getNumColorComponents()).isEqualTo(3);
    assertThat(hasColour(rgb)).isTrue();
    BufferedImage echo = image(render.rendered(path(palette), OptionalInt.of(3), Map.of(), "image/png", READER));
    assertThat(echo.getWidth()).isEqualTo(600);
    assertThat(echo.getHeight()).isEqualTo(430);
    assertThat(hasColour(echo)).isTrue();
  }

  private static boolean hasColour(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if ((rgb >> 16 & 0xFF) != (rgb & 0xFF) || (rgb >> 8 & 0xFF) != (rgb & 0xFF)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void thumbnails_fitA128PixelBox_neverEnlarged_atEveryLevel() {
    BufferedImage big = image(render.thumbnail(path(palette), OptionalInt.empty(), Map.of(), null, READER));
    assertThat(big.getWidth()).isEqualTo(128);
    assertThat(big.getHeight()).isEqualTo(92);
    BufferedImage small = image(render.thumbnail(path(mono2), OptionalInt.empty(), Map.of(), "image/png", READER));
    assertThat(small.getWidth()).isEqualTo(64);
    assertThat(image(render.thumbnail(path(ct), OptionalInt.empty(), params("viewport=32,32"), null, READER))
        .getWidth()).isEqualTo(32);
    assertThat(image(render.thumbnail(ResourcePath.series(mono2.studyUid(), mono2.seriesUid()), OptionalInt.empty(),
        Map.of(), null, READER)).getWidth()).isEqualTo(64);
    assertThat(image(render.thumbnail(ResourcePath.study(ct.studyUid()), OptionalInt.empty(), Map.of(), null, READER))
        .getWidth()).isEqualTo(128);
  }

  @Test
  void whatCannotBeRendered_is406_badFrames404Or400_badParameters400() {
    assertThatThrownBy(() -> rendered(sr, null)).isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("no pixel data");
    assertThatThrownBy(() -> rendered(jpeg2000, null)).isInstanceOf(NotAcceptableException.class);
    assertThatThrownBy(() -> rendered(ct, "image/gif")).isInstanceOf(NotAcceptableException.class);
    assertThatThrownBy(() -> render.rendered(path(ct), OptionalInt.of(2), Map.of(), null, READER))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> render.rendered(path(ct), OptionalInt.of(0), Map.of(), null, READER))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> rendered(ct, null, "annotation=patient")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> rendered(ct, null, "quality=0")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> rendered(ct, null, "viewport=10")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> render.rendered(ResourcePath.study(ct.studyUid()), OptionalInt.empty(), Map.of(), null,
        READER)).isInstanceOf(InvalidRequestException.class);
  }
}
