package org.custos.dicom.image;

/**
 * YBR_FULL to RGB, PS3.3 C.7.6.3.1.2 (the JFIF / ITU-R BT.601 full-range equations):
 * R = Y + 1.402 (Cr - c), G = Y - 0.34414 (Cb - c) - 0.71414 (Cr - c), B = Y + 1.772 (Cb - c),
 * with c = 2^(bits - 1), rounded and clamped to 0..2^bits - 1.
 *
 * <p>Computed in 16-bit fixed point with round-half-up, the arithmetic JPEG decoders commonly use,
 * so that a lossy JPEG frame converted here matches a decoder that converts while decoding.
 */
final class YbrFull {
  private static final int SCALE_BITS = 16;
  private static final int HALF = 1 << (SCALE_BITS - 1);
  private static final int CR_R = fixed(1.40200);
  private static final int CB_B = fixed(1.77200);
  private static final int CB_G = fixed(0.34414);
  private static final int CR_G = fixed(0.71414);

  private YbrFull() {}

  static int[] toRgb(int[] ybr, int bits) {
    int center = 1 << (bits - 1);
    int max = (1 << bits) - 1;
    int[] rgb = new int[ybr.length];
    for (int i = 0; i + 2 < ybr.length; i += 3) {
      int y = ybr[i];
      long cb = ybr[i + 1] - center;
      long cr = ybr[i + 2] - center;
      rgb[i] = clamp(y + (int) ((CR_R * cr + HALF) >> SCALE_BITS), max);
      rgb[i + 1] = clamp(y + (int) ((-CB_G * cb - CR_G * cr + HALF) >> SCALE_BITS), max);
      rgb[i + 2] = clamp(y + (int) ((CB_B * cb + HALF) >> SCALE_BITS), max);
    }
    return rgb;
  }

  private static int fixed(double value) {
    return (int) (value * (1 << SCALE_BITS) + 0.5);
  }

  private static int clamp(int value, int max) {
    return value < 0 ? 0 : Math.min(value, max);
  }
}
