package org.custos.dicom.json;

import java.util.Optional;

/**
 * Decides which bulk values {@link DicomJsonWriter} writes as a BulkDataURI (PS3.18 F.2.6) and
 * what the URI is. Called once per candidate value, in document order, from the writing thread.
 * An implementation must not put element values into the URI: URIs end up in logs and
 * browser histories.
 */
@FunctionalInterface
public interface BulkDataUris {
  /** Never gives a URI: every bulk value is written inline. */
  BulkDataUris NONE = site -> Optional.empty();

  /** The URI to write instead of the value, or empty to write the value as InlineBinary. */
  Optional<String> uriFor(BulkSite site);
}
