package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** The 12-bit decoder's DCT machinery, checked on 8-bit streams written by the JDK's encoder. */
class DctDecoderTest {
  private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

  /** A noisy gradient, so that every block has AC coefficients. */
  private static BufferedImage image(int type, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, type);
    Random random = new Random(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / width + random.nextInt(40)) & 0xFF;
        int g = (y * 255 / height + random.nextInt(40)) & 0xFF;
        int b = ((x + y) * 127 / (width + height) + random.nextInt(40)) & 0xFF;
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  /** JPEG baseline from the JDK's writer, with a restart marker every {@code restartInterval} MCUs. */
  private static byte[] encode(BufferedImage image, int restartInterval) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.9f);
    IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
    if (restartInterval > 0) {
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(NATIVE_FORMAT);
      IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
      IIOMetadataNode dri = new IIOMetadataNode("dri");
      dri.setAttribute("interval", Integer.toString(restartInterval));
      markers.insertBefore(dri, markers.getFirstChild());
      metadata.setFromTree(NATIVE_FORMAT, root);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static int maxDifference(int[] a, int[] b, int stride, int offset) {
    int max = 0;
    for (int i = offset; i < a.length; i += stride) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static boolean containsMarker(byte[] stream, int marker) {
    for (int i = 0; i + 1 < stream.length; i++) {
      if ((stream[i] & 0xFF) == 0xFF && (stream[i + 1] & 0xFF) == marker) {
        return true;
      }
    }
    return false;
  }

  @Test
  void greyscaleWithRestartIntervals_matchesImageIo() throws IOException {
    byte[] jpeg = encode(image(BufferedImage.TYPE_BYTE_GRAY, 61, 35), 3);

    assertThat(containsMarker(jpeg, 0xDD)).as("DRI").isTrue();
    assertThat(containsMarker(jpeg, 0xD0)).as("RST0").isTrue();
    assertThat(maxDifference(DctDecoder.decode(jpeg, 0), ImageIoJpeg.decode(jpeg, 61, 35, 1, 0), 1, 0))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void subsampledColourWithRestartIntervals_matchesImageIoInLuminance() throws IOException {
    byte[] jpeg = encode(image(BufferedImage.TYPE_3BYTE_BGR, 53, 37), 2);
    JpegHeader header = JpegHeader.read(jpeg, 0);

    int[] own = DctDecoder.decode(jpeg, 0);
    int[] reference = ImageIoJpeg.decode(jpeg, 53, 37, 3, 0);

    assertThat(header.components()).isEqualTo(3);
    assertThat(maxDifference(own, reference, 3, 0)).isLessThanOrEqualTo(1);
    // Chrominance is replicated here and interpolated by libjpeg, so it only roughly agrees.
    assertThat(maxDifference(own, reference, 3, 1)).isLessThanOrEqualTo(48);
  }

  @Test
  void progressiveStream_isRefused() throws IOException {
    byte[] jpeg = encode(image(BufferedImage.TYPE_BYTE_GRAY, 16, 16), 0);
    int sof = 0;
    while (!((jpeg[sof] & 0xFF) == 0xFF && (jpeg[sof + 1] & 0xFF) == 0xC0)) {
      sof++;
    }
    jpeg[sof + 1] = (byte) 0xC2;

    assertThatThrownBy(() -> DctDecoder.decode(jpeg, 3)).isInstanceOf(ImageException.class)
        .hasMessage("JPEG frame 3 uses process SOF2; only sequential Huffman DCT is decoded beyond 8 bits");
  }

  @Test
  void missingRestartMarker_failsAsCorrupt() throws IOException {
    byte[] jpeg = encode(image(BufferedImage.TYPE_BYTE_GRAY, 64, 16), 1);
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
        jpeg[i + 1] = (byte) 0xFE; // RSTn becomes COM
        break;
      }
    }

    assertThatThrownBy(() -> DctDecoder.decode(jpeg, 0)).isInstanceOf(ImageException.class)
        .hasMessageStartingWith("JPEG frame 0 is corrupt: ");
  }
}
