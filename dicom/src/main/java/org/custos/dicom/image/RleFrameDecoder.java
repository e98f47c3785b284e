package org.custos.dicom.image;

import org.custos.dicom.NumericValues;

/**
 * Decodes one frame of RLE Lossless (PS3.5 Annex G). The frame starts with a 64-byte header of
 * sixteen little endian 32-bit values: the number of segments, then each segment's offset from
 * the start of the header (G.5). Each segment is one byte plane — for every sample, the most
 * significant byte first (G.2) — compressed with the PackBits scheme of G.3.1.
 *
 * <p>Strict about what would corrupt the image: a wrong segment count, offsets outside the frame
 * or out of order, a segment that decodes to fewer bytes than Rows x Columns, a literal run cut
 * off by the segment's end. Tolerant, like other decoders, of bytes after a segment's last pixel
 * (G.3.1 pads segments to even length) and of a run that overshoots it (the excess is dropped).
 */
final class RleFrameDecoder {
  private static final int HEADER_BYTES = 64;
  private static final int MAX_SEGMENTS = 15;

  private RleFrameDecoder() {}

  static int[] decode(byte[] frame, PixelDescription d, int frameIndex) {
    if (d.bitsAllocated() == 1) {
      throw new ImageException("RLE Lossless with Bits Allocated (0028,0100) 1 is not supported");
    }
    if (d.photometricInterpretation() == PhotometricInterpretation.YBR_FULL_422) {
      throw new ImageException("RLE Lossless cannot carry YBR_FULL_422 (PS3.5 8.2.2)");
    }
    if (frame.length < HEADER_BYTES) {
      throw new ImageException("RLE frame " + frameIndex + " has " + frame.length
          + " bytes, fewer than its 64-byte header (PS3.5 G.5)");
    }
    int bytesPerSample = d.bitsAllocated() / 8;
    int expected = d.samplesPerPixel() * bytesPerSample;
    int segments = NumericValues.i32(frame, 0);
    if (segments != expected) {
      throw new ImageException("RLE frame " + frameIndex + " declares " + Integer.toUnsignedString(segments)
          + " segments; Samples per Pixel " + d.samplesPerPixel() + " and Bits Allocated " + d.bitsAllocated()
          + " need " + expected + " (PS3.5 G.2; at most " + MAX_SEGMENTS + ")");
    }
    long[] starts = new long[segments + 1];
    for (int s = 0; s < segments; s++) {
      starts[s] = NumericValues.i32(frame, 4 + 4 * s) & 0xFFFFFFFFL;
      long low = s == 0 ? HEADER_BYTES : starts[s - 1];
      if (starts[s] < low || starts[s] > frame.length) {
        throw new ImageException("RLE frame " + frameIndex + ": segment " + s + " offset " + starts[s]
            + " is outside " + low + ".." + frame.length + " (PS3.5 G.5)");
      }
    }
    starts[segments] = frame.length;
    int pixels = d.pixelsPerFrame();
    int[] raw = new int[pixels * d.samplesPerPixel()];
    byte[] plane = new byte[pixels];
    for (int s = 0; s < segments; s++) {
      unpack(frame, (int) starts[s], (int) starts[s + 1], plane, frameIndex, s);
      int sample = s / bytesPerSample;
      int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
      for (int p = 0, o = sample; p < pixels; p++, o += d.samplesPerPixel()) {
        raw[o] |= (plane[p] & 0xFF) << shift;
      }
    }
    return StoredBits.of(d).applyAll(raw);
  }

  /** PackBits (PS3.5 G.3.1): n >= 0 copies n + 1 bytes, -127..-1 repeats one byte 1 - n times, -128 is a no-op. */
  private static void unpack(byte[] in, int from, int to, byte[] out, int frameIndex, int segment) {
    int i = from;
    int o = 0;
    while (o < out.length) {
      if (i >= to) {
        throw new ImageException("RLE frame " + frameIndex + ": segment " + segment + " ends after " + o
            + " of " + out.length + " bytes");
      }
      int n = in[i++];
      if (n >= 0) {
        int count = n + 1;
        if (i + count > to) {
          throw new ImageException("RLE frame " + frameIndex + ": segment " + segment + " has a literal run of "
              + count + " bytes cut off by the segment's end");
        }
        int copied = Math.min(count, out.length - o);
        System.arraycopy(in, i, out, o, copied);
        i += count;
        o += copied;
      } else if (n != -128) {
        if (i >= to) {
          throw new ImageException("RLE frame " + frameIndex + ": segment " + segment + " ends inside a replicate run");
        }
        byte value = in[i++];
        int end = Math.min(o + 1 - n, out.length);
        while (o < end) {
          out[o++] = value;
        }
      }
    }
  }
}
