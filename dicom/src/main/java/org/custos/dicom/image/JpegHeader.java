package org.custos.dicom.image;

/**
 * The frame header of a JPEG stream (ISO/IEC 10918-1 B.2.2), found by walking the marker
 * segments from SOI to the first SOFn. Read before decoding so that a stream whose size or
 * component count disagrees with the data set is refused before any decoder allocates for it.
 *
 * @param sofMarker the SOFn marker's second byte: 0xC0 baseline, 0xC1 extended, 0xC2
 *     progressive, 0xC3 lossless, 0xC5..0xCF hierarchical or arithmetic
 * @param precision sample precision P in bits
 * @param height number of lines Y (0 when defined later by a DNL marker)
 * @param width number of samples per line X
 * @param components number of image components Nf
 */
record JpegHeader(int sofMarker, int precision, int height, int width, int components) {

  /** Huffman-coded sequential DCT: baseline or extended (B.1.1.2, processes 1, 2 and 4). */
  boolean sequentialHuffmanDct() {
    return sofMarker == 0xC0 || sofMarker == 0xC1;
  }

  boolean lossless() {
    return sofMarker == 0xC3 || sofMarker == 0xC7 || sofMarker == 0xCB || sofMarker == 0xCF;
  }

  static JpegHeader read(byte[] b, int frameIndex) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      throw new ImageException("JPEG frame " + frameIndex + " does not start with an SOI marker (FFD8)");
    }
    int p = 2;
    while (p + 4 <= b.length) {
      if ((b[p] & 0xFF) != 0xFF) {
        throw new ImageException("JPEG frame " + frameIndex + ": no marker at byte " + p + " before the frame header");
      }
      int marker = b[p + 1] & 0xFF;
      if (marker == 0xFF) { // B.1.1.2: any marker may be preceded by fill bytes 0xFF
        p++;
        continue;
      }
      int length = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
      if (isStartOfFrame(marker)) {
        if (length < 8 || p + 2 + length > b.length) {
          throw new ImageException("JPEG frame " + frameIndex + ": frame header at byte " + p + " is truncated");
        }
        int q = p + 4;
        return new JpegHeader(marker, b[q] & 0xFF, (b[q + 1] & 0xFF) << 8 | (b[q + 2] & 0xFF),
            (b[q + 3] & 0xFF) << 8 | (b[q + 4] & 0xFF), b[q + 5] & 0xFF);
      }
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      p += 2 + length;
    }
    throw new ImageException("JPEG frame " + frameIndex + " has no frame header (SOFn) before its first scan");
  }

  /** B.1.1.3: SOF0..SOF15 are C0..CF except DHT (C4), JPG (C8) and DAC (CC). */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
