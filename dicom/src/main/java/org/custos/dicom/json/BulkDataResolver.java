package org.custos.dicom.json;

import java.io.IOException;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/**
 * Turns a BulkDataURI met by {@link DicomJsonReader} into a value (PS3.18 F.2.6). The resolver
 * decides which URIs it trusts: a URI comes from the JSON, which may be hostile, so resolving an
 * arbitrary {@code file:} or {@code http:} URI would let the input read files or reach servers.
 */
@FunctionalInterface
public interface BulkDataResolver {
  /** Resolves nothing: reading JSON that has a BulkDataURI fails with a {@link DicomJsonException}. */
  BulkDataResolver REJECT = (uri, tag, vr) -> {
    throw new IOException("no BulkDataResolver was given");
  };

  /**
   * The value {@code uri} stands for: {@link Value.Bytes} (binary values little endian, text in
   * the data set's character set), a {@link Value.Bulk} reference the caller can read later, or
   * {@link Value.Fragments} for encapsulated Pixel Data.
   *
   * @throws IOException when the URI is not one this resolver accepts or cannot be read
   */
  Value resolve(String uri, int tag, Vr vr) throws IOException;
}
