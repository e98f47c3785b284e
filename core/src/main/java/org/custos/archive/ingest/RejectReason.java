package org.custos.archive.ingest;

/** Why an instance was refused; each maps to one DICOMweb failure reason later. */
public enum RejectReason {
  /** Not parseable DICOM (offset, tag and reason in the detail). */
  MALFORMED,
  /** Study, Series or SOP Instance UID or SOP Class UID missing or empty. */
  MISSING_ATTRIBUTE,
  /** A UID that is not a valid UID (PS3.5 9.1). */
  INVALID_ATTRIBUTE,
  /** The elements before the series level exceed what is read ahead to find the UIDs. */
  HEADER_TOO_LARGE
}
