package org.custos.dicom.image;

/**
 * The frame of a DCT JPEG stream (ISO/IEC 10918-1 B.2.2, A.1.1): its size, precision and
 * components, with one sample plane per component covering whole MCUs.
 */
final class DctComponents {
  /** One image component and the state of the scan decoding it. */
  static final class Component {
    final int id;
    final int h;
    final int v;
    final int quantId;
    final int planeWidth;
    final int[] plane;
    HuffmanTable dcTable;
    HuffmanTable acTable;
    int[] quantTable;
    int predictor;

    Component(int id, int h, int v, int quantId, int planeWidth, int planeHeight) {
      this.id = id;
      this.h = h;
      this.v = v;
      this.quantId = quantId;
      this.planeWidth = planeWidth;
      this.plane = new int[planeWidth * planeHeight];
    }
  }

  private final int precision;
  private final int width;
  private final int height;
  private final int maxH;
  private final int maxV;
  private final int mcusX;
  private final int mcusY;
  private final Component[] components;

  private DctComponents(int precision, int width, int height, int maxH, int maxV, Component[] components) {
    this.precision = precision;
    this.width = width;
    this.height = height;
    this.maxH = maxH;
    this.maxV = maxV;
    this.mcusX = (width + 8 * maxH - 1) / (8 * maxH);
    this.mcusY = (height + 8 * maxV - 1) / (8 * maxV);
    this.components = components;
  }

  /** Parses an SOF0/SOF1 segment body; the caller has checked its size against the data set. */
  static DctComponents read(byte[] b, int p, int end, int frameIndex) {
    int precision = b[p] & 0xFF;
    int height = (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF);
    int width = (b[p + 3] & 0xFF) << 8 | (b[p + 4] & 0xFF);
    int count = b[p + 5] & 0xFF;
    if ((precision != 8 && precision != 12) || height == 0 || width == 0 || count < 1 || count > 4
        || p + 6 + 3 * count > end) {
      throw new ImageException("JPEG frame " + frameIndex + " has a frame header outside ISO/IEC 10918-1 B.2.2"
          + " (precision 8 or 12, 1..4 components, lines defined)");
    }
    int maxH = 1;
    int maxV = 1;
    for (int i = 0; i < count; i++) {
      int hv = b[p + 7 + 3 * i] & 0xFF;
      maxH = Math.max(maxH, hv >> 4);
      maxV = Math.max(maxV, hv & 0x0F);
    }
    int mcusX = (width + 8 * maxH - 1) / (8 * maxH);
    int mcusY = (height + 8 * maxV - 1) / (8 * maxV);
    Component[] components = new Component[count];
    for (int i = 0; i < count; i++) {
      int q = p + 6 + 3 * i;
      int h = (b[q + 1] & 0xFF) >> 4;
      int v = b[q + 1] & 0x0F;
      int quantId = b[q + 2] & 0xFF;
      if (h < 1 || h > 4 || v < 1 || v > 4 || quantId > 3) {
        throw new ImageException("JPEG frame " + frameIndex + " has a component with sampling factors or"
            + " quantization table outside 1..4 and 0..3 (B.2.2)");
      }
      components[i] = new Component(b[q] & 0xFF, h, v, quantId, mcusX * h * 8, mcusY * v * 8);
    }
    return new DctComponents(precision, width, height, maxH, maxV, components);
  }

  Component byId(int id) {
    for (Component c : components) {
      if (c.id == id) {
        return c;
      }
    }
    throw new ImageException("JPEG scan names a component that the frame header does not define");
  }

  /** A.2.3: the number of MCUs per line and per column of an interleaved scan. */
  int mcusX() {
    return mcusX;
  }

  int mcusY() {
    return mcusY;
  }

  /** A.2.2: a non-interleaved scan covers only the blocks that hold the component's samples. */
  int usefulBlocksX(Component c) {
    int samples = (width * c.h + maxH - 1) / maxH;
    return (samples + 7) / 8;
  }

  int usefulBlocksY(Component c) {
    int lines = (height * c.v + maxV - 1) / maxV;
    return (lines + 7) / 8;
  }

  /** Level-shifts (A.3.1), rounds and clamps a block's spatial values into the component's plane. */
  void store(Component c, int blockX, int blockY, double[] spatial) {
    int shift = 1 << (precision - 1);
    int max = (1 << precision) - 1;
    for (int y = 0; y < 8; y++) {
      int row = (blockY * 8 + y) * c.planeWidth + blockX * 8;
      for (int x = 0; x < 8; x++) {
        int value = (int) Math.floor(spatial[y * 8 + x] + 0.5) + shift;
        c.plane[row + x] = value < 0 ? 0 : Math.min(value, max);
      }
    }
  }

  /** All components at full size (replicating subsampled ones), interleaved per pixel. */
  int[] interleave() {
    int n = components.length;
    int[] out = new int[width * height * n];
    for (int i = 0; i < n; i++) {
      Component c = components[i];
      for (int y = 0; y < height; y++) {
        int row = y * c.v / maxV * c.planeWidth;
        for (int x = 0; x < width; x++) {
          out[(y * width + x) * n + i] = c.plane[row + x * c.h / maxH];
        }
      }
    }
    return out;
  }
}
