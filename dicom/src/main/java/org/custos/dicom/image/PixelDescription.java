package org.custos.dicom.image;

import java.util.List;
import java.util.OptionalDouble;
import org.custos.dicom.DataSet;

/**
 * What the Image Pixel Module (PS3.3 C.7.6.3) and its companions say about a data set's pixel
 * data: matrix size, sample layout and bit depth, frame count, and the optional rescale and
 * window attributes. Validated at construction, so a description that exists can be decoded
 * without further range checks.
 *
 * <p>Guarantees: Rows and Columns are 1..65535; Samples per Pixel matches the Photometric
 * Interpretation and is 1 or 3; Bits Allocated is 1, 8, 16 or 32; 1 &lt;= Bits Stored &lt;= Bits
 * Allocated; Bits Stored - 1 &lt;= High Bit &lt; Bits Allocated; one frame has fewer than 2^31
 * samples. It does not guarantee that the pixel data matches the description; decoders check
 * that. Immutable and thread-safe.
 *
 * @param rows Rows (0028,0010)
 * @param columns Columns (0028,0011)
 * @param samplesPerPixel Samples per Pixel (0028,0002)
 * @param bitsAllocated Bits Allocated (0028,0100)
 * @param bitsStored Bits Stored (0028,0101)
 * @param highBit High Bit (0028,0102)
 * @param pixelRepresentation Pixel Representation (0028,0103): 0 unsigned, 1 two's complement
 * @param photometricInterpretation Photometric Interpretation (0028,0004)
 * @param planarConfiguration Planar Configuration (0028,0006): 0 colour-by-pixel, 1 by plane;
 *     0 when absent or when there is one sample per pixel
 * @param numberOfFrames Number of Frames (0028,0008), 1 when absent
 * @param rescaleSlope Rescale Slope (0028,1053) when present
 * @param rescaleIntercept Rescale Intercept (0028,1052) when present
 * @param windowCenters Window Center (0028,1050) values, possibly empty
 * @param windowWidths Window Width (0028,1051) values, possibly empty
 */
public record PixelDescription(
    int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored, int highBit,
    int pixelRepresentation, PhotometricInterpretation photometricInterpretation,
    int planarConfiguration, int numberOfFrames, OptionalDouble rescaleSlope,
    OptionalDouble rescaleIntercept, List<Double> windowCenters, List<Double> windowWidths) {

  /** The largest frame, in samples, that fits one Java array. */
  public static final long MAX_SAMPLES_PER_FRAME = Integer.MAX_VALUE - 8;

  public PixelDescription {
    requireRange("Rows (0028,0010)", rows, 1, 65535);
    requireRange("Columns (0028,0011)", columns, 1, 65535);
    if (photometricInterpretation == null) {
      throw new ImageException("Photometric Interpretation (0028,0004) is required");
    }
    if (photometricInterpretation.samplesPerPixel() > 3) {
      throw new ImageException("Photometric Interpretation (0028,0004) "
          + photometricInterpretation.term() + " is retired and not supported");
    }
    if (samplesPerPixel != photometricInterpretation.samplesPerPixel()) {
      throw new ImageException("Samples per Pixel (0028,0002) is " + samplesPerPixel + "; "
          + photometricInterpretation.term() + " requires " + photometricInterpretation.samplesPerPixel());
    }
    if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
      throw new ImageException("Bits Allocated (0028,0100) is " + bitsAllocated + "; allowed: 1, 8, 16 or 32");
    }
    requireRange("Bits Stored (0028,0101)", bitsStored, 1, bitsAllocated);
    requireRange("High Bit (0028,0102)", highBit, bitsStored - 1, bitsAllocated - 1);
    requireRange("Pixel Representation (0028,0103)", pixelRepresentation, 0, 1);
    requireRange("Planar Configuration (0028,0006)", planarConfiguration, 0, 1);
    requireRange("Number of Frames (0028,0008)", numberOfFrames, 1, Integer.MAX_VALUE);
    if (bitsAllocated == 1 && samplesPerPixel != 1) {
      throw new ImageException("Bits Allocated (0028,0100) 1 requires Samples per Pixel (0028,0002) 1");
    }
    // PS3.3 C.7.6.3.1.2: YBR_FULL_422 pairs two pixels of a row, and is colour-by-pixel.
    if (photometricInterpretation == PhotometricInterpretation.YBR_FULL_422 && planarConfiguration != 0) {
      throw new ImageException("Planar Configuration (0028,0006) must be 0 for YBR_FULL_422");
    }
    if ((long) rows * columns * samplesPerPixel > MAX_SAMPLES_PER_FRAME) {
      throw new ImageException("a frame of " + rows + " x " + columns + " x " + samplesPerPixel
          + " samples exceeds " + MAX_SAMPLES_PER_FRAME + " samples");
    }
    windowCenters = List.copyOf(windowCenters);
    windowWidths = List.copyOf(windowWidths);
  }

  /** Reads and validates the pixel description of {@code dataSet}. */
  public static PixelDescription of(DataSet dataSet) {
    return PixelModuleReader.read(dataSet);
  }

  /** True for two's complement samples (Pixel Representation 1). */
  public boolean signed() {
    return pixelRepresentation == 1;
  }

  /** Pixels in one frame. */
  public int pixelsPerFrame() {
    return rows * columns;
  }

  /** Samples in one decoded frame: rows x columns x samples per pixel. */
  public int samplesPerFrame() {
    return rows * columns * samplesPerPixel;
  }

  /**
   * Size of one frame in native (uncompressed) encoding, in bits. Frames of Bits Allocated 1 are
   * packed without padding, so frame i starts at bit i x this value (PS3.5 8.1.1); for other
   * depths this is a whole number of bytes. YBR_FULL_422 stores two samples per pixel
   * (PS3.3 C.7.6.3.1.2).
   */
  public long frameSizeBits() {
    long samples = photometricInterpretation == PhotometricInterpretation.YBR_FULL_422
        ? 2L * rows * columns
        : (long) rows * columns * samplesPerPixel;
    return samples * bitsAllocated;
  }

  /** Bytes spanned by one native frame (rounded up for Bits Allocated 1). */
  public long frameSizeBytes() {
    return (frameSizeBits() + 7) / 8;
  }

  private static void requireRange(String attribute, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ImageException(attribute + " is " + value + "; allowed: " + min + ".." + max);
    }
  }
}
