package org.custos.dicom;

/** An explicit VR code that PS3.5 does not define. */
public final class InvalidVrException extends DicomParseException {
  private static final long serialVersionUID = 1L;

  public InvalidVrException(long offset, int tag, String reason) {
    super(offset, tag, reason);
  }

  public InvalidVrException(long offset, int tag, String reason, Throwable cause) {
    super(offset, tag, reason, cause);
  }

  private InvalidVrException(long offset, int tag, String reason, Throwable cause, String offsetContext) {
    super(offset, tag, reason, cause, offsetContext);
  }

  @Override
  public InvalidVrException withOffsetContext(String context) {
    return new InvalidVrException(offset(), tag(), reason(), getCause(), context);
  }
}
