package org.custos.dicom.json;

import java.util.Objects;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.Value;

/**
 * How {@link DicomJsonWriter} writes the values of the bulk VRs (OB, OD, OF, OL, OV, OW, UN) and
 * encapsulated Pixel Data: as InlineBinary, the base64 of the little-endian bytes (PS3.18
 * F.2.7), or as a BulkDataURI (F.2.6).
 *
 * <p>The rule, per value: with {@code inlineAll} it is inlined. Otherwise encapsulated Pixel Data
 * ({@link Value.Fragments}), and every other bulk value longer than {@code bulkDataThresholdBytes},
 * is offered to {@code uris}; if that gives a URI it is written, else the value is inlined. A value
 * not in memory ({@link Value.Bulk}) is inlined by reading it from {@code bulkSource}.
 * Encapsulated Pixel Data inlined is the concatenation of its fragments, without the Basic Offset
 * Table: reading it back gives one OB value, not the fragments.
 *
 * @param bulkDataThresholdBytes values up to this length are always inlined; at least 0
 * @param uris decides the BulkDataURI of a value, if any
 * @param inlineAll inline every value, ignoring the threshold and {@code uris}
 * @param bulkSource reads values that are not in memory, in the byte order of their source
 *     (big-endian sources are swapped to little endian, as F.2.7 requires)
 * @param pretty indent the output for people; the default is compact
 */
public record JsonOptions(
    long bulkDataThresholdBytes, BulkDataUris uris, boolean inlineAll, BulkDataSource bulkSource, boolean pretty) {

  /** Everything inline, compact, values not in memory are an error. Threshold 1 KiB. */
  public static final JsonOptions DEFAULT =
      new JsonOptions(1024, BulkDataUris.NONE, false, BulkDataSource.NONE, false);

  public JsonOptions {
    if (bulkDataThresholdBytes < 0) {
      throw new IllegalArgumentException("bulkDataThresholdBytes must be >= 0, got " + bulkDataThresholdBytes);
    }
    Objects.requireNonNull(uris, "uris");
    Objects.requireNonNull(bulkSource, "bulkSource");
  }

  public JsonOptions withBulkDataThresholdBytes(long value) {
    return new JsonOptions(value, uris, inlineAll, bulkSource, pretty);
  }

  public JsonOptions withUris(BulkDataUris value) {
    return new JsonOptions(bulkDataThresholdBytes, value, inlineAll, bulkSource, pretty);
  }

  public JsonOptions withInlineAll(boolean value) {
    return new JsonOptions(bulkDataThresholdBytes, uris, value, bulkSource, pretty);
  }

  public JsonOptions withBulkSource(BulkDataSource value) {
    return new JsonOptions(bulkDataThresholdBytes, uris, inlineAll, value, pretty);
  }

  public JsonOptions withPretty(boolean value) {
    return new JsonOptions(bulkDataThresholdBytes, uris, inlineAll, bulkSource, value);
  }
}
