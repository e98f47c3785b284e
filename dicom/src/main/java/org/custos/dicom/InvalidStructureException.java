package org.custos.dicom;

/** Items, delimiters or fragments where PS3.5 does not allow them. */
public final class InvalidStructureException extends DicomParseException {
  private static final long serialVersionUID = 1L;

  public InvalidStructureException(long offset, int tag, String reason) {
    super(offset, tag, reason);
  }

  public InvalidStructureException(long offset, int tag, String reason, Throwable cause) {
    super(offset, tag, reason, cause);
  }

  private InvalidStructureException(long offset, int tag, String reason, Throwable cause, String offsetContext) {
    super(offset, tag, reason, cause, offsetContext);
  }

  @Override
  public InvalidStructureException withOffsetContext(String context) {
    return new InvalidStructureException(offset(), tag(), reason(), getCause(), context);
  }
}
