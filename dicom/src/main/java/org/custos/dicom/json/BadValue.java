package org.custos.dicom.json;

/**
 * A value that cannot be converted, thrown by the value converters and turned into a
 * {@link DicomJsonException} with position and tag by the caller, which knows them. The reason
 * never contains the value.
 */
final class BadValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadValue(String reason) {
    super(reason, null, false, false);
  }
}
