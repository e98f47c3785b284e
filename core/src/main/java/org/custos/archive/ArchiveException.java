package org.custos.archive;

/**
 * Root of the archive's unchecked exceptions. Subclasses say what a caller can act on; messages
 * name internal ids, offsets and reasons, never PHI or UIDs.
 */
public class ArchiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
