package org.custos.dicom;

/** Sequences nested beyond the configured depth guard. */
public final class NestingTooDeepException extends DicomParseException {
  private static final long serialVersionUID = 1L;

  public NestingTooDeepException(long offset, int tag, String reason) {
    super(offset, tag, reason);
  }

  public NestingTooDeepException(long offset, int tag, String reason, Throwable cause) {
    super(offset, tag, reason, cause);
  }

  private NestingTooDeepException(long offset, int tag, String reason, Throwable cause, String offsetContext) {
    super(offset, tag, reason, cause, offsetContext);
  }

  @Override
  public NestingTooDeepException withOffsetContext(String context) {
    return new NestingTooDeepException(offset(), tag(), reason(), getCause(), context);
  }
}
