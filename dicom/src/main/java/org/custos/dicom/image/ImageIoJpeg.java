package org.custos.dicom.image;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a JPEG stream through javax.imageio, preferring the TwelveMonkeys reader, which adds
 * lossless (process 14, SOF3) to the JDK's baseline and 8-bit extended/progressive support.
 * Reads the raw {@link Raster}, so no colour conversion happens: YCbCr stays YCbCr, as the
 * Photometric Interpretation describes it.
 *
 * <p>A fresh {@link ImageReader} per call: readers are not thread-safe.
 */
final class ImageIoJpeg {
  private static final String TWELVEMONKEYS_READER = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader";

  private ImageIoJpeg() {}

  /** Interleaved samples, exactly {@code width} x {@code height} x {@code bands}. */
  static int[] decode(byte[] stream, int width, int height, int bands, int frameIndex) {
    ImageReader reader = reader();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(withoutFillBeforeEoi(stream)))) {
      reader.setInput(in, true, true);
      Raster raster = reader.readRaster(0, reader.getDefaultReadParam());
      if (raster.getWidth() != width || raster.getHeight() != height || raster.getNumBands() != bands) {
        throw new ImageException("JPEG frame " + frameIndex + " decodes to " + raster.getWidth() + " x "
            + raster.getHeight() + " x " + raster.getNumBands() + " samples; the data set describes "
            + width + " x " + height + " x " + bands);
      }
      return raster.getPixels(raster.getMinX(), raster.getMinY(), width, height, (int[]) null);
    } catch (IOException e) {
      throw new ImageException("JPEG frame " + frameIndex + " cannot be decoded by " + reader.getClass().getName(), e);
    } catch (RuntimeException e) {
      if (e instanceof ImageException) {
        throw e;
      }
      // Decoders signal corrupt streams with assorted runtime exceptions (index out of bounds,
      // illegal state); the caller must see one of ours, with the decoder's as the cause.
      throw new ImageException("JPEG frame " + frameIndex + " is corrupt for " + reader.getClass().getName(), e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * The stream without fill bytes (0xFF) before its final EOI marker. ISO/IEC 10918-1 B.1.1.2
   * lets any marker be preceded by fill bytes, which carry no data, and dcmtk's lossless encoder
   * writes one; the TwelveMonkeys 3.14.0 lossless decoder then gets the last pixel wrong.
   * Entropy-coded 0xFF bytes are always followed by 0x00, so every 0xFF directly before the
   * EOI's 0xFF is a fill byte.
   */
  static byte[] withoutFillBeforeEoi(byte[] stream) {
    int eoi = stream.length - 2;
    while (eoi >= 0 && !((stream[eoi] & 0xFF) == 0xFF && (stream[eoi + 1] & 0xFF) == 0xD9)) {
      if (stream.length - eoi > 16) {
        return stream; // no EOI near the end: leave the stream to the decoder as it is
      }
      eoi--;
    }
    if (eoi < 0) {
      return stream;
    }
    int fill = eoi;
    while (fill > 0 && (stream[fill - 1] & 0xFF) == 0xFF) {
      fill--;
    }
    if (fill == eoi) {
      return stream;
    }
    byte[] out = new byte[stream.length - (eoi - fill)];
    System.arraycopy(stream, 0, out, 0, fill);
    System.arraycopy(stream, eoi, out, fill, stream.length - eoi);
    return out;
  }

  private static ImageReader reader() {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
    ImageReader first = null;
    while (readers.hasNext()) {
      ImageReader candidate = readers.next();
      if (candidate.getClass().getName().equals(TWELVEMONKEYS_READER)) {
        if (first != null) {
          first.dispose();
        }
        return candidate;
      }
      if (first == null) {
        first = candidate;
      } else {
        candidate.dispose();
      }
    }
    if (first == null) {
      throw new ImageException("no javax.imageio JPEG reader is registered");
    }
    return first;
  }
}
