package org.custos.dicom;

/** The stream ended before a header or value it had announced was complete. */
public final class TruncatedInputException extends DicomParseException {
  private static final long serialVersionUID = 1L;

  public TruncatedInputException(long offset, int tag, String reason) {
    super(offset, tag, reason);
  }

  public TruncatedInputException(long offset, int tag, String reason, Throwable cause) {
    super(offset, tag, reason, cause);
  }

  private TruncatedInputException(long offset, int tag, String reason, Throwable cause, String offsetContext) {
    super(offset, tag, reason, cause, offsetContext);
  }

  @Override
  public TruncatedInputException withOffsetContext(String context) {
    return new TruncatedInputException(offset(), tag(), reason(), getCause(), context);
  }
}
