package org.custos.server.dicomweb;

/**
 * None of the media types the client accepts can be produced for this resource (HTTP 406),
 * e.g. a transfer syntax the stored object cannot be converted to. The message lists what could be.
 */
public final class NotAcceptableException extends DicomWebException {
  private static final long serialVersionUID = 1L;

  public NotAcceptableException(String message) {
    super(message);
  }
}
