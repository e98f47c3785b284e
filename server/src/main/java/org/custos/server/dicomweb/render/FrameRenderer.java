package org.custos.server.dicomweb.render;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.IntBuffer;
import java.util.Locale;
import java.util.Optional;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.image.FrameDecoder;
import org.custos.dicom.image.PhotometricInterpretation;
import org.custos.dicom.image.PixelBuffer;
import org.custos.dicom.image.PixelDescription;
import org.custos.server.dicomweb.InstanceContent;
import org.custos.server.dicomweb.NotAcceptableException;

/**
 * One decoded frame as an 8-bit image (PS3.3 C.11, the grayscale pipeline without presentation
 * states): monochrome samples through Rescale Slope/Intercept, then the VOI window — the request's,
 * else the object's first Window Center/Width and VOI LUT Function, else the frame's value range —
 * and MONOCHROME1 inverted (PS3.3 C.7.6.3.1.2: minimum is white); PALETTE COLOR through its
 * (non-segmented) palette; RGB and YBR_FULL converted to RGB and scaled to 8 bits. Stateless.
 */
final class FrameRenderer {
  private static final FrameDecoder DECODER = new FrameDecoder();

  private FrameRenderer() {}

  static BufferedImage render(InstanceContent content, int frameIndex, Optional<Window> requested) {
    DataSet dataSet = content.file().dataSet();
    PixelDescription d = PixelDescription.of(dataSet);
    PixelBuffer buffer = DECODER.decodeFrame(dataSet, content.transferSyntax(), frameIndex, content.bulk());
    PhotometricInterpretation photometric = buffer.photometricInterpretation();
    if (photometric.isMonochrome()) {
      return grey(buffer, d, dataSet, requested);
    }
    if (photometric == PhotometricInterpretation.PALETTE_COLOR) {
      return palette(buffer, content);
    }
    return rgb(buffer.toRgb());
  }

  private static BufferedImage grey(PixelBuffer buffer, PixelDescription d, DataSet dataSet, Optional<Window> requested) {
    double slope = d.rescaleSlope().orElse(1);
    double intercept = d.rescaleIntercept().orElse(0);
    IntBuffer samples = buffer.samples();
    double[] values = new double[samples.remaining()];
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < values.length; i++) {
      values[i] = samples.get(i) * slope + intercept;
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    Window window = requested.or(() -> objectWindow(d, dataSet))
        .orElse(new Window((min + max) / 2 + 0.5, Math.max(1, max - min + 1), Window.Function.LINEAR));
    boolean invert = buffer.photometricInterpretation() == PhotometricInterpretation.MONOCHROME1;
    BufferedImage image = new BufferedImage(buffer.width(), buffer.height(), BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = image.getRaster();
    int[] row = new int[buffer.width()];
    for (int y = 0; y < buffer.height(); y++) {
      for (int x = 0; x < row.length; x++) {
        int v = window.apply(values[y * row.length + x]);
        row[x] = invert ? 255 - v : v;
      }
      raster.setPixels(0, y, row.length, 1, row);
    }
    return image;
  }

  private static Optional<Window> objectWindow(PixelDescription d, DataSet dataSet) {
    if (d.windowCenters().isEmpty() || d.windowWidths().isEmpty()) {
      return Optional.empty();
    }
    String function = dataSet.getString(Tags.VOILUTFunction).orElse("LINEAR").strip().toUpperCase(Locale.ROOT);
    Window.Function f = switch (function) {
      case "SIGMOID" -> Window.Function.SIGMOID;
      case "LINEAR_EXACT" -> Window.Function.LINEAR_EXACT;
      default -> Window.Function.LINEAR;
    };
    double width = d.windowWidths().get(0);
    if (width <= 0 || f == Window.Function.LINEAR && width < 1) {
      return Optional.empty(); // an invalid window in the object: fall back to the value range
    }
    return Optional.of(new Window(d.windowCenters().get(0), width, f));
  }

  private static BufferedImage rgb(PixelBuffer buffer) {
    int shift = Math.max(0, buffer.bitsStored() - 8);
    BufferedImage image = new BufferedImage(buffer.width(), buffer.height(), BufferedImage.TYPE_INT_RGB);
    IntBuffer samples = buffer.samples();
    for (int y = 0; y < buffer.height(); y++) {
      for (int x = 0; x < buffer.width(); x++) {
        int at = (y * buffer.width() + x) * 3;
        int r = clamp(samples.get(at) >> shift);
        int g = clamp(samples.get(at + 1) >> shift);
        int b = clamp(samples.get(at + 2) >> shift);
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  private static BufferedImage palette(PixelBuffer buffer, InstanceContent content) {
    DataSet dataSet = content.file().dataSet();
    int[][] lut = {
        lut(content, dataSet, Tags.RedPaletteColorLookupTableDescriptor, Tags.RedPaletteColorLookupTableData),
        lut(content, dataSet, Tags.GreenPaletteColorLookupTableDescriptor, Tags.GreenPaletteColorLookupTableData),
        lut(content, dataSet, Tags.BluePaletteColorLookupTableDescriptor, Tags.BluePaletteColorLookupTableData)};
    int first = descriptor(dataSet, Tags.RedPaletteColorLookupTableDescriptor)[1];
    BufferedImage image = new BufferedImage(buffer.width(), buffer.height(), BufferedImage.TYPE_INT_RGB);
    IntBuffer samples = buffer.samples();
    for (int y = 0; y < buffer.height(); y++) {
      for (int x = 0; x < buffer.width(); x++) {
        int index = samples.get(y * buffer.width() + x) - first;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
          int[] table = lut[c];
          rgb = rgb << 8 | table[Math.max(0, Math.min(table.length - 1, index))];
        }
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  /** PS3.3 C.7.6.3.1.5: number of entries (0 means 65536), first mapped value, bits per entry. */
  private static int[] descriptor(DataSet dataSet, int tag) {
    byte[] raw = inMemory(dataSet, tag);
    if (raw.length < 6) {
      throw new NotAcceptableException("the palette colour lookup table is missing, so the image cannot be rendered");
    }
    int entries = (raw[0] & 0xFF) | (raw[1] & 0xFF) << 8;
    int first = (short) ((raw[2] & 0xFF) | (raw[3] & 0xFF) << 8);
    int bits = (raw[4] & 0xFF) | (raw[5] & 0xFF) << 8;
    boolean unsigned = dataSet.get(tag).orElseThrow().vr() == Vr.US;
    return new int[] {entries == 0 ? 65536 : entries, unsigned ? first & 0xFFFF : first, bits};
  }

  /** One palette's 8-bit entries. Segmented palettes (0028,1221-1223) are not supported. */
  private static int[] lut(InstanceContent content, DataSet dataSet, int descriptorTag, int dataTag) {
    int[] descriptor = descriptor(dataSet, descriptorTag);
    DicomElement data = dataSet.get(dataTag).orElseThrow(() -> new NotAcceptableException(
        "the palette colour lookup table data is missing (segmented palettes are not supported)"));
    byte[] raw;
    if (data.value() instanceof Value.Bulk bulk) {
      try (InputStream in = content.bulk().open(bulk.ref())) {
        raw = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      raw = inMemory(dataSet, dataTag);
    }
    int entries = descriptor[0];
    int[] table = new int[entries];
    boolean wide = descriptor[2] > 8 || raw.length >= 2 * entries;
    for (int i = 0; i < entries; i++) {
      if (wide) {
        int at = 2 * i;
        int v = at + 1 < raw.length ? (raw[at] & 0xFF) | (raw[at + 1] & 0xFF) << 8 : 0;
        table[i] = descriptor[2] > 8 ? v >> 8 : v & 0xFF;
      } else {
        table[i] = i < raw.length ? raw[i] & 0xFF : 0;
      }
    }
    return table;
  }

  private static byte[] inMemory(DataSet dataSet, int tag) {
    return dataSet.get(tag).map(DicomElement::value).filter(v -> v instanceof Value.Bytes)
        .map(v -> ((Value.Bytes) v).bytes()).orElse(new byte[0]);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
