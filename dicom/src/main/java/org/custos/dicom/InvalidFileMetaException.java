package org.custos.dicom;

/** The PS3.10 file meta information is missing, inconsistent or incomplete. */
public final class InvalidFileMetaException extends DicomParseException {
  private static final long serialVersionUID = 1L;

  public InvalidFileMetaException(long offset, int tag, String reason) {
    super(offset, tag, reason);
  }

  public InvalidFileMetaException(long offset, int tag, String reason, Throwable cause) {
    super(offset, tag, reason, cause);
  }

  private InvalidFileMetaException(long offset, int tag, String reason, Throwable cause, String offsetContext) {
    super(offset, tag, reason, cause, offsetContext);
  }

  @Override
  public InvalidFileMetaException withOffsetContext(String context) {
    return new InvalidFileMetaException(offset(), tag(), reason(), getCause(), context);
  }
}
