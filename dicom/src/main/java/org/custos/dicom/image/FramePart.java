package org.custos.dicom.image;

import java.util.Optional;
import org.custos.dicom.BulkRef;

/**
 * A contiguous run of a frame's bytes inside one value: the native Pixel Data value or one
 * fragment of encapsulated Pixel Data.
 *
 * @param fragmentIndex index of the fragment in {@link org.custos.dicom.Value.Fragments#fragments()}
 *     (the Basic Offset Table is not counted), or {@link #NATIVE} for native Pixel Data
 * @param offset first byte of the run, counted from the start of that value
 * @param length length of the run in bytes
 * @param source where exactly these bytes lie in the source, when the value is a bulk reference:
 *     a byte-range read of it returns this run (in the byte order of the source); empty when the
 *     value is held in memory
 */
public record FramePart(int fragmentIndex, long offset, long length, Optional<BulkRef> source) {
  /** The {@link #fragmentIndex} of a run in native Pixel Data. */
  public static final int NATIVE = -1;

  public FramePart {
    if (fragmentIndex < NATIVE || offset < 0 || length < 0) {
      throw new IllegalArgumentException("frame part needs fragmentIndex >= -1, offset >= 0 and length >= 0, got "
          + fragmentIndex + "/" + offset + "/" + length);
    }
  }
}
