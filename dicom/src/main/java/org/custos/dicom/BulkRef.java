package org.custos.dicom;

/**
 * Where a value that was not loaded into memory lies in its source: {@code length} bytes from
 * {@code offset}. Offsets count from the start of the source file, or, for a deflated data set,
 * from the start of the inflated data set stream ({@code inDeflatedStream}).
 *
 * @param offset first byte of the value
 * @param length value length in bytes
 * @param bigEndian byte order of the source, so that OW/OF/OD/OL/OV values can be swapped
 * @param inDeflatedStream whether {@code offset} is a position in the inflated data set
 */
public record BulkRef(long offset, long length, boolean bigEndian, boolean inDeflatedStream) {
  public BulkRef {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bulk reference needs offset >= 0 and length >= 0, got "
          + offset + "/" + length);
    }
  }
}
