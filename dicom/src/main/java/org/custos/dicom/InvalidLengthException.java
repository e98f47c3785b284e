package org.custos.dicom;

/** A value length that cannot be right: odd where even is required, past the end of its container, or undefined where not allowed. */
public final class InvalidLengthException extends DicomParseException {
  private static final long serialVersionUID = 1L;

  public InvalidLengthException(long offset, int tag, String reason) {
    super(offset, tag, reason);
  }

  public InvalidLengthException(long offset, int tag, String reason, Throwable cause) {
    super(offset, tag, reason, cause);
  }

  private InvalidLengthException(long offset, int tag, String reason, Throwable cause, String offsetContext) {
    super(offset, tag, reason, cause, offsetContext);
  }

  @Override
  public InvalidLengthException withOffsetContext(String context) {
    return new InvalidLengthException(offset(), tag(), reason(), getCause(), context);
  }
}
