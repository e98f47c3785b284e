package org.custos.dicom.image;

/**
 * The 8x8 inverse DCT of ISO/IEC 10918-1 A.3.3, computed separably in double precision:
 * s(y,x) = 1/4 sum(v) sum(u) C(v) C(u) S(v,u) cos((2x+1)u pi/16) cos((2y+1)v pi/16),
 * C(0) = 1/sqrt(2), C(k) = 1 otherwise. Exact up to rounding, so it may differ by one level from
 * decoders that use a scaled integer approximation.
 */
final class InverseDct {
  /** BASIS[x * 8 + u] = C(u) cos((2x+1)u pi/16) / 2. */
  private static final double[] BASIS = new double[64];

  static {
    for (int x = 0; x < 8; x++) {
      for (int u = 0; u < 8; u++) {
        double c = u == 0 ? Math.sqrt(0.5) : 1.0;
        BASIS[x * 8 + u] = c * Math.cos((2 * x + 1) * u * Math.PI / 16) / 2;
      }
    }
  }

  private final double[] rows = new double[64];

  /** Spatial values of the dequantized coefficients {@code coefficients} (natural order), into {@code out}. */
  void transform(int[] coefficients, double[] out) {
    for (int v = 0; v < 8; v++) {
      for (int x = 0; x < 8; x++) {
        double sum = 0;
        for (int u = 0; u < 8; u++) {
          sum += BASIS[x * 8 + u] * coefficients[v * 8 + u];
        }
        rows[v * 8 + x] = sum;
      }
    }
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        double sum = 0;
        for (int v = 0; v < 8; v++) {
          sum += BASIS[y * 8 + v] * rows[v * 8 + x];
        }
        out[y * 8 + x] = sum;
      }
    }
  }
}
