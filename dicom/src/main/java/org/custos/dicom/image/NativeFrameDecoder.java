package org.custos.dicom.image;

import org.custos.dicom.NumericValues;

/**
 * Unpacks one frame of native pixel data (PS3.5 8.1.1, PS3.3 C.7.6.3.1.3): little endian
 * containers of Bits Allocated bits, colour-by-pixel or colour-by-plane, 1-bit frames packed
 * least significant bit first, and YBR_FULL_422's Y1 Y2 Cb Cr groups (PS3.3 C.7.6.3.1.2), whose
 * shared chrominance is repeated for both pixels of the pair.
 */
final class NativeFrameDecoder {
  private NativeFrameDecoder() {}

  /** Samples of the frame in {@code bytes}, which starts at bit {@code bitOffset} of its first byte. */
  static int[] decode(byte[] bytes, int bitOffset, PixelDescription d, int frameIndex) {
    long needed = (bitOffset + d.frameSizeBits() + 7) / 8;
    if (bytes.length < needed) {
      throw new ImageException("frame " + frameIndex + " has " + bytes.length + " bytes; its description needs " + needed);
    }
    if (d.bitsAllocated() == 1) {
      return bits(bytes, bitOffset, d.pixelsPerFrame());
    }
    int[] raw = d.photometricInterpretation() == PhotometricInterpretation.YBR_FULL_422
        ? ybr422(bytes, d, frameIndex)
        : containers(bytes, d);
    return StoredBits.of(d).applyAll(raw);
  }

  private static int[] bits(byte[] bytes, int bitOffset, int pixels) {
    int[] out = new int[pixels];
    for (int i = 0; i < pixels; i++) {
      long bit = (long) bitOffset + i;
      out[i] = bytes[(int) (bit >>> 3)] >> (int) (bit & 7) & 1;
    }
    return out;
  }

  private static int[] containers(byte[] bytes, PixelDescription d) {
    int samples = d.samplesPerPixel();
    int pixels = d.pixelsPerFrame();
    int unit = d.bitsAllocated() / 8;
    int[] out = new int[pixels * samples];
    if (d.planarConfiguration() == 0 || samples == 1) {
      for (int i = 0; i < out.length; i++) {
        out[i] = container(bytes, i * unit, unit);
      }
      return out;
    }
    for (int c = 0; c < samples; c++) {
      int plane = c * pixels;
      for (int p = 0; p < pixels; p++) {
        out[p * samples + c] = container(bytes, (plane + p) * unit, unit);
      }
    }
    return out;
  }

  private static int[] ybr422(byte[] bytes, PixelDescription d, int frameIndex) {
    if (d.columns() % 2 != 0) {
      throw new ImageException("frame " + frameIndex + ": YBR_FULL_422 needs an even number of Columns (0028,0011), got "
          + d.columns());
    }
    int unit = d.bitsAllocated() / 8;
    int pairs = d.pixelsPerFrame() / 2;
    int[] out = new int[d.pixelsPerFrame() * 3];
    for (int k = 0; k < pairs; k++) {
      int in = 4 * k * unit;
      int y1 = container(bytes, in, unit);
      int y2 = container(bytes, in + unit, unit);
      int cb = container(bytes, in + 2 * unit, unit);
      int cr = container(bytes, in + 3 * unit, unit);
      int o = 6 * k;
      out[o] = y1;
      out[o + 1] = cb;
      out[o + 2] = cr;
      out[o + 3] = y2;
      out[o + 4] = cb;
      out[o + 5] = cr;
    }
    return out;
  }

  private static int container(byte[] b, int offset, int unit) {
    switch (unit) {
      case 1:
        return b[offset] & 0xFF;
      case 2:
        return NumericValues.u16(b, offset);
      default:
        return NumericValues.i32(b, offset);
    }
  }
}
