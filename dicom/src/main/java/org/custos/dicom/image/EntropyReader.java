package org.custos.dicom.image;

/**
 * Reads the entropy-coded segment of a JPEG scan bit by bit, most significant bit first,
 * removing the 0x00 stuffed after every 0xFF data byte (ISO/IEC 10918-1 B.1.1.5, F.1.2.3).
 * Reaching a marker while bits are still needed means the stream is corrupt or truncated.
 */
final class EntropyReader {
  private final byte[] data;
  private final int frameIndex;
  private int position;
  private int current;
  private int remaining;

  EntropyReader(byte[] data, int position, int frameIndex) {
    this.data = data;
    this.position = position;
    this.frameIndex = frameIndex;
  }

  int bit() {
    if (remaining == 0) {
      if (position >= data.length) {
        throw corrupt("entropy-coded data that ends with the stream");
      }
      int b = data[position] & 0xFF;
      if (b == 0xFF) {
        if (position + 1 >= data.length || data[position + 1] != 0) {
          throw corrupt("a marker at byte " + position + " before the scan is complete");
        }
        position += 2;
      } else {
        position++;
      }
      current = b;
      remaining = 8;
    }
    remaining--;
    return current >> remaining & 1;
  }

  /** The next {@code n} bits as an unsigned number (F.2.2.4 RECEIVE). */
  int receive(int n) {
    int value = 0;
    for (int i = 0; i < n; i++) {
      value = value << 1 | bit();
    }
    return value;
  }

  /** F.2.2.1 EXTEND: the signed value of the {@code n}-bit magnitude category code {@code v}. */
  static int extend(int v, int n) {
    return n == 0 || v >= 1 << (n - 1) ? v : v - (1 << n) + 1;
  }

  /** Discards the bits left in the current byte and consumes an RSTn marker (F.1.2.3). */
  void restart() {
    remaining = 0;
    while (position + 1 < data.length && (data[position] & 0xFF) == 0xFF && (data[position + 1] & 0xFF) == 0xFF) {
      position++;
    }
    if (position + 1 >= data.length || (data[position] & 0xFF) != 0xFF
        || (data[position + 1] & 0xF8) != 0xD0) {
      throw corrupt("no restart marker at byte " + position);
    }
    position += 2;
  }

  /** Position of the first marker after the scan's entropy-coded data. */
  int endOfScan() {
    remaining = 0;
    while (position + 1 < data.length) {
      int next = data[position + 1] & 0xFF;
      if ((data[position] & 0xFF) == 0xFF && next != 0 && next != 0xFF && (next & 0xF8) != 0xD0) {
        return position;
      }
      position++;
    }
    return data.length;
  }

  ImageException corrupt(String what) {
    return new ImageException("JPEG frame " + frameIndex + " is corrupt: " + what);
  }
}
