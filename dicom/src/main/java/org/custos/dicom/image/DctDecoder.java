package org.custos.dicom.image;

import java.util.Arrays;

/**
 * A sequential Huffman DCT JPEG decoder (ISO/IEC 10918-1 processes 1, 2 and 4: SOF0 and SOF1,
 * 8- or 12-bit precision), for the 12-bit streams of JPEG Extended (1.2.840.10008.1.2.4.51)
 * that the JDK's decoder refuses.
 *
 * <p>Supports 1 to 4 components, interleaved and non-interleaved scans, restart intervals, and
 * 8- and 16-bit quantization tables. Does not support progressive, lossless, hierarchical or
 * arithmetic-coded streams, nor DNL. Subsampled components are upsampled by replication, and no
 * colour conversion is made. The inverse DCT is exact (see {@link InverseDct}), so samples may
 * differ by one level from those of an integer IDCT. One instance decodes one stream.
 */
final class DctDecoder {
  private static final int[] ZIGZAG = zigzag();

  private final byte[] data;
  private final int frameIndex;
  private final int[][] quantization = new int[4][];
  private final HuffmanTable[] dcTables = new HuffmanTable[4];
  private final HuffmanTable[] acTables = new HuffmanTable[4];
  private final int[] coefficients = new int[64];
  private final double[] spatial = new double[64];
  private final InverseDct idct = new InverseDct();
  private DctComponents frame;
  private int restartInterval;

  private DctDecoder(byte[] data, int frameIndex) {
    this.data = data;
    this.frameIndex = frameIndex;
  }

  /** Interleaved samples of the stream's single frame: width x height x components. */
  static int[] decode(byte[] stream, int frameIndex) {
    return new DctDecoder(stream, frameIndex).run();
  }

  private int[] run() {
    int p = 2; // after SOI, which JpegHeader has checked
    boolean scanned = false;
    while (p + 1 < data.length) {
      if ((data[p] & 0xFF) != 0xFF) {
        throw corrupt("no marker at byte " + p);
      }
      int marker = data[p + 1] & 0xFF;
      if (marker == 0xFF || marker == 0x01 || (marker & 0xF8) == 0xD0) {
        p += marker == 0xFF ? 1 : 2; // fill byte, TEM, stray RSTn: no length (B.1.1.2, B.1.1.3)
        continue;
      }
      if (marker == 0xD9) { // EOI
        break;
      }
      if (p + 4 > data.length) {
        throw corrupt("marker segment at byte " + p + " is truncated");
      }
      int start = p + 4;
      int end = p + 2 + ((data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF));
      if (end > data.length || end < start) {
        throw corrupt("marker segment at byte " + p + " has a bad length");
      }
      switch (marker) {
        case 0xDB -> readQuantization(start, end);
        case 0xC4 -> readHuffman(start, end);
        case 0xDD -> restartInterval = end - start >= 2 ? u16(start) : 0;
        case 0xC0, 0xC1 -> {
          if (frame != null) {
            throw corrupt("more than one frame header");
          }
          frame = DctComponents.read(data, start, end, frameIndex);
        }
        case 0xDA -> {
          p = readScan(start, end);
          scanned = true;
          continue;
        }
        case 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> throw new ImageException(
            "JPEG frame " + frameIndex + " uses process SOF" + (marker - 0xC0)
                + "; only sequential Huffman DCT is decoded beyond 8 bits");
        case 0xDC -> throw corrupt("a DNL marker (number of lines defined after the scan) is not supported");
        default -> { } // APPn, COM and other informational segments
      }
      p = end;
    }
    if (!scanned) {
      throw corrupt("no scan");
    }
    return frame.interleave();
  }

  private void readQuantization(int p, int end) {
    while (p < end) {
      int precision = (data[p] & 0xFF) >> 4;
      int id = data[p] & 0x0F;
      int size = precision == 0 ? 1 : 2;
      if (id > 3 || precision > 1 || p + 1 + 64 * size > end) {
        throw corrupt("bad quantization table segment (B.2.4.1)");
      }
      int[] table = new int[64];
      for (int k = 0; k < 64; k++) {
        table[k] = size == 1 ? data[p + 1 + k] & 0xFF : u16(p + 1 + 2 * k);
      }
      quantization[id] = table;
      p += 1 + 64 * size;
    }
  }

  private void readHuffman(int p, int end) {
    while (p < end) {
      int tableClass = (data[p] & 0xFF) >> 4;
      int id = data[p] & 0x0F;
      if (tableClass > 1 || id > 3 || p + 17 > end) {
        throw corrupt("bad Huffman table segment (B.2.4.2)");
      }
      int[] counts = new int[16];
      int total = 0;
      for (int i = 0; i < 16; i++) {
        counts[i] = data[p + 1 + i] & 0xFF;
        total += counts[i];
      }
      if (total > 256 || p + 17 + total > end) {
        throw corrupt("bad Huffman table segment (B.2.4.2)");
      }
      int[] values = new int[total];
      for (int i = 0; i < total; i++) {
        values[i] = data[p + 17 + i] & 0xFF;
      }
      (tableClass == 0 ? dcTables : acTables)[id] = new HuffmanTable(counts, values, frameIndex);
      p += 17 + total;
    }
  }

  /** Decodes one scan (B.2.3) and returns the position of the marker that follows it. */
  private int readScan(int p, int end) {
    if (frame == null) {
      throw corrupt("a scan before the frame header");
    }
    int count = data[p] & 0xFF;
    if (count < 1 || count > 4 || p + 1 + 2 * count + 3 > end) {
      throw corrupt("bad scan header (B.2.3)");
    }
    DctComponents.Component[] scan = new DctComponents.Component[count];
    for (int i = 0; i < count; i++) {
      DctComponents.Component c = frame.byId(data[p + 1 + 2 * i] & 0xFF);
      int tables = data[p + 2 + 2 * i] & 0xFF;
      c.dcTable = table(dcTables, tables >> 4, "DC");
      c.acTable = table(acTables, tables & 0x0F, "AC");
      c.quantTable = quantization[c.quantId];
      if (c.quantTable == null) {
        throw corrupt("component " + c.id + " uses an undefined quantization table");
      }
      c.predictor = 0;
      scan[i] = c;
    }
    int q = p + 1 + 2 * count;
    if ((data[q] & 0xFF) != 0 || (data[q + 1] & 0xFF) != 63 || (data[q + 2] & 0xFF) != 0) {
      throw corrupt("a sequential scan must have Ss 0, Se 63, Ah Al 0 (B.2.3)");
    }
    EntropyReader in = new EntropyReader(data, end, frameIndex);
    if (count == 1) {
      DctComponents.Component c = scan[0];
      int blocksX = frame.usefulBlocksX(c);
      int blocks = blocksX * frame.usefulBlocksY(c);
      for (int n = 0; n < blocks; n++) {
        restartIfDue(in, n, scan);
        decodeBlock(in, c, n % blocksX, n / blocksX);
      }
    } else {
      int mcus = frame.mcusX() * frame.mcusY();
      for (int m = 0; m < mcus; m++) {
        restartIfDue(in, m, scan);
        int mx = m % frame.mcusX();
        int my = m / frame.mcusX();
        for (DctComponents.Component c : scan) {
          for (int by = 0; by < c.v; by++) {
            for (int bx = 0; bx < c.h; bx++) {
              decodeBlock(in, c, mx * c.h + bx, my * c.v + by);
            }
          }
        }
      }
    }
    return in.endOfScan();
  }

  private void restartIfDue(EntropyReader in, int mcu, DctComponents.Component[] scan) {
    if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
      in.restart();
      for (DctComponents.Component c : scan) {
        c.predictor = 0;
      }
    }
  }

  /** F.2.2: one 8x8 block, dequantized, transformed, level-shifted and clamped into the plane. */
  private void decodeBlock(EntropyReader in, DctComponents.Component c, int blockX, int blockY) {
    Arrays.fill(coefficients, 0);
    int category = c.dcTable.decode(in);
    if (category > 16) {
      throw in.corrupt("a DC difference category above 16");
    }
    c.predictor += EntropyReader.extend(in.receive(category), category);
    coefficients[0] = c.predictor * c.quantTable[0];
    for (int k = 1; k < 64; k++) {
      int rs = c.acTable.decode(in);
      int run = rs >> 4;
      int size = rs & 0x0F;
      if (size == 0) {
        if (run != 15) {
          break; // EOB
        }
        k += 15; // ZRL: sixteen zeros
        continue;
      }
      k += run;
      if (k > 63) {
        throw in.corrupt("an AC run past coefficient 63");
      }
      coefficients[ZIGZAG[k]] = EntropyReader.extend(in.receive(size), size) * c.quantTable[k];
    }
    idct.transform(coefficients, spatial);
    frame.store(c, blockX, blockY, spatial);
  }

  private HuffmanTable table(HuffmanTable[] tables, int id, String kind) {
    if (id > 3 || tables[id] == null) {
      throw corrupt("a scan uses an undefined " + kind + " Huffman table");
    }
    return tables[id];
  }

  private int u16(int p) {
    return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
  }

  private ImageException corrupt(String what) {
    return new ImageException("JPEG frame " + frameIndex + " is corrupt: " + what);
  }

  /** Natural (row-major) index of each zig-zag position (ISO/IEC 10918-1 Figure A.6). */
  private static int[] zigzag() {
    int[] order = new int[64];
    int k = 0;
    for (int s = 0; s < 15; s++) {
      int low = Math.max(0, s - 7);
      int high = Math.min(s, 7);
      for (int i = 0; i <= high - low; i++) {
        int row = s % 2 == 0 ? high - i : low + i;
        order[k++] = row * 8 + s - row;
      }
    }
    return order;
  }
}
