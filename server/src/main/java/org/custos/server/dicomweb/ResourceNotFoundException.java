package org.custos.server.dicomweb;

/**
 * No stored study, series, instance, frame or bulk data element answers the path (HTTP 404). The
 * message says which level was not found, never the UID.
 */
public final class ResourceNotFoundException extends DicomWebException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super(message);
  }
}
