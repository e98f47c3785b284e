package org.custos.archive;

/** The storage ran out of space; the write in progress was rolled back and nothing of it remains. */
public class StorageFullException extends StorageException {
  private static final long serialVersionUID = 1L;

  public StorageFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
