package org.custos.archive;

/** A blob store or index failed (I/O, connection, constraint). Nothing half-written remains visible. */
public class StorageException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
