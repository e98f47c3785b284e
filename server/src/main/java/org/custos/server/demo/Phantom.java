package org.custos.server.demo;

/** A synthetic 12-bit phantom: concentric discs whose radius changes with the slice. */
final class Phantom {
  private Phantom() {}

  static byte[] pixels(int rows, int columns, int slice) {
    byte[] out = new byte[rows * columns * 2];
    double cx = columns / 2.0;
    double cy = rows / 2.0;
    double outer = Math.min(rows, columns) * (0.42 - 0.02 * slice);
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        double r = Math.hypot(x - cx, y - cy);
        int value = r < outer * 0.3 ? 2400 : r < outer * 0.7 ? 1400 : r < outer ? 1000 : 24;
        int i = (y * columns + x) * 2;
        out[i] = (byte) value;
        out[i + 1] = (byte) (value >>> 8);
      }
    }
    return out;
  }
}
