package org.custos.dicom;

/**
 * How a parser treats its input. Validated at construction; use the {@code with…} methods to
 * derive variants from {@link #DEFAULT}.
 *
 * @param bulkThresholdBytes values of bulk VRs (OB, OD, OF, OL, OV, OW, UN) and Pixel Data
 *     fragments longer than this stay in the source as a {@link BulkRef}; Pixel Data is never
 *     loaded when this is below its length
 * @param maxDepth sequences nested deeper than this fail with {@link NestingTooDeepException}
 * @param stopBeforePixelData read the header only: stop at (7FE0,0010) of the top-level data set
 * @param strict odd value lengths and out-of-order tags are errors instead of warnings
 * @param maxValueBytes largest non-bulk value (text, numbers) that will be held in memory
 */
public record ReadOptions(
    long bulkThresholdBytes, int maxDepth, boolean stopBeforePixelData, boolean strict, long maxValueBytes) {

  public static final ReadOptions DEFAULT = new ReadOptions(64 * 1024, 64, false, false, 64L * 1024 * 1024);

  public ReadOptions {
    if (bulkThresholdBytes < 0) {
      throw new IllegalArgumentException("bulkThresholdBytes must be >= 0, got " + bulkThresholdBytes);
    }
    if (maxDepth < 1 || maxDepth > 10_000) {
      throw new IllegalArgumentException("maxDepth must be in 1..10000, got " + maxDepth);
    }
    if (maxValueBytes < 1 || maxValueBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxValueBytes must be in 1..2^31-9, got " + maxValueBytes);
    }
  }

  public ReadOptions withBulkThresholdBytes(long value) {
    return new ReadOptions(value, maxDepth, stopBeforePixelData, strict, maxValueBytes);
  }

  /** Loads every value into memory (up to {@link #maxValueBytes}). */
  public ReadOptions withAllValuesInMemory() {
    return withBulkThresholdBytes(Long.MAX_VALUE);
  }

  public ReadOptions withMaxDepth(int value) {
    return new ReadOptions(bulkThresholdBytes, value, stopBeforePixelData, strict, maxValueBytes);
  }

  public ReadOptions withStopBeforePixelData(boolean value) {
    return new ReadOptions(bulkThresholdBytes, maxDepth, value, strict, maxValueBytes);
  }

  public ReadOptions withStrict(boolean value) {
    return new ReadOptions(bulkThresholdBytes, maxDepth, stopBeforePixelData, value, maxValueBytes);
  }
}
