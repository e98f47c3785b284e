package org.custos.server.dicomweb;

/**
 * Root of the DICOMweb services' request failures: what the client asked cannot be answered as
 * asked. Subclasses say what the client can act on; {@link DicomWebErrors} maps them to HTTP status
 * codes. Messages name parameters, media types and allowed values, never UIDs or other values
 * that may identify a patient.
 */
public abstract class DicomWebException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DicomWebException(String message) {
    super(message);
  }

  protected DicomWebException(String message, Throwable cause) {
    super(message, cause);
  }
}
