package org.custos.dicom.image;

import java.util.List;

/**
 * Where the bytes of one frame are: one run for native pixel data, one run per fragment for
 * encapsulated pixel data (concatenated in order, they are the frame's compressed bit stream).
 * Enough to fetch a single frame from storage with byte-range reads.
 *
 * @param frameIndex zero-based frame number
 * @param boundary how the frame's extent was found
 * @param parts the runs, in order; never empty
 * @param firstBitOffset for Bits Allocated 1 only: the bit (0..7, least significant first) of the
 *     first byte at which the frame starts, since such frames are not byte aligned (PS3.5 8.1.1);
 *     0 otherwise
 */
public record FrameLocation(int frameIndex, FrameBoundary boundary, List<FramePart> parts, int firstBitOffset) {
  public FrameLocation {
    parts = List.copyOf(parts);
    if (frameIndex < 0 || parts.isEmpty() || firstBitOffset < 0 || firstBitOffset > 7) {
      throw new IllegalArgumentException("frame location needs frameIndex >= 0, parts and a bit offset 0..7");
    }
  }

  /** Total length of the frame's bytes. */
  public long lengthBytes() {
    long sum = 0;
    for (FramePart part : parts) {
      sum += part.length();
    }
    return sum;
  }
}
