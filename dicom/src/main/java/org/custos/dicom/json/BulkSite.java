package org.custos.dicom.json;

import java.util.Objects;
import java.util.Optional;
import org.custos.dicom.BulkRef;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/**
 * A bulk value about to be written as DICOM JSON, offered to {@link BulkDataUris} so that it can
 * be replaced by a BulkDataURI (PS3.18 F.2.6).
 *
 * @param path where the element is: its tag as eight hex digits, preceded for an element inside
 *     a sequence item by the sequence's path and the 0-based item index, e.g.
 *     {@code 00540016/0/00181072}
 * @param tag the element's tag
 * @param vr the element's VR (OB, OD, OF, OL, OV, OW or UN; for encapsulated Pixel Data OB or OW)
 * @param value the value: {@link Value.Bytes} in memory, {@link Value.Bulk} left in the source, or
 *     {@link Value.Fragments} of encapsulated Pixel Data
 */
public record BulkSite(String path, int tag, Vr vr, Value value) {
  public BulkSite {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(vr, "vr");
    if (!(value instanceof Value.Bytes) && !(value instanceof Value.Bulk) && !(value instanceof Value.Fragments)) {
      throw new IllegalArgumentException("a bulk site holds bytes, a bulk reference or fragments, not "
          + (value == null ? "nothing" : value.getClass().getSimpleName()) + " at " + Tag.toString(tag));
    }
  }

  /** Where the value lies in its source, when it was not loaded into memory. */
  public Optional<BulkRef> ref() {
    return value instanceof Value.Bulk bulk ? Optional.of(bulk.ref()) : Optional.empty();
  }

  /**
   * Length of the value in bytes; for fragments the sum of the fragment lengths, without the
   * Basic Offset Table and item headers (what InlineBinary would carry).
   */
  public long lengthBytes() {
    if (value instanceof Value.Fragments fragments) {
      long sum = 0;
      for (Value fragment : fragments.fragments()) {
        sum += Value.lengthOf(fragment);
      }
      return sum;
    }
    return Value.lengthOf(value);
  }
}
