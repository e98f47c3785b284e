package org.custos.server.dicomweb.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Scales an 8-bit image into a box (keeping its aspect ratio) and encodes it as JPEG or PNG. Stateless. */
final class ImageEncoder {
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  private ImageEncoder() {}

  /** Crops to {@code region} (x, y, width, height; clipped to the image) when given. */
  static BufferedImage crop(BufferedImage image, int[] region) {
    int x = Math.min(region[0], image.getWidth() - 1);
    int y = Math.min(region[1], image.getHeight() - 1);
    int w = Math.min(region[2], image.getWidth() - x);
    int h = Math.min(region[3], image.getHeight() - y);
    return image.getSubimage(x, y, w, h);
  }

  /**
   * Fits the image into {@code boxWidth} x {@code boxHeight}; enlarges only when {@code enlarge}.
   * Halves with bilinear interpolation first for large reductions, so no source pixel is skipped.
   */
  static BufferedImage fit(BufferedImage image, int boxWidth, int boxHeight, boolean enlarge) {
    double scale = Math.min((double) boxWidth / image.getWidth(), (double) boxHeight / image.getHeight());
    if (!enlarge) {
      scale = Math.min(scale, 1);
    }
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage current = image;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return current.getWidth() == width && current.getHeight() == height ? current : resize(current, width, height);
  }

  private static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, image.getType());
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static byte[] encode(BufferedImage image, String mediaType, int quality) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (mediaType.equals(PNG)) {
        if (!ImageIO.write(image, "png", out)) {
          throw new IllegalStateException("no PNG writer in this Java runtime");
        }
        return out.toByteArray();
      }
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
      if (!writers.hasNext()) {
        throw new IllegalStateException("no JPEG writer in this Java runtime");
      }
      ImageWriter writer = writers.next();
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        writer.write(null, new IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the rendered image", e);
    }
  }
}
