package org.custos.archive;

/**
 * Stored data is not what was sealed: a blob does not decrypt, its bytes do not hash to the
 * recorded seal, or it is missing. Reads fail closed with this, and an
 * {@code INTEGRITY_FAILURE} event is recorded. The message names the instance id and the check.
 */
public class IntegrityFailureException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public IntegrityFailureException(String message) {
    super(message);
  }

  public IntegrityFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
