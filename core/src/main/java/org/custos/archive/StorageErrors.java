package org.custos.archive;

import java.io.IOException;

/** Turns an I/O failure of a store into the archive's storage exceptions, spotting a full disk. */
public final class StorageErrors {
  private StorageErrors() {}

  public static StorageException of(String operation, IOException e) {
    if (isDiskFull(e)) {
      return new StorageFullException(operation + ": no space left on the device", e);
    }
    return new StorageException(operation + " failed: " + e.getClass().getSimpleName(), e);
  }

  /** ENOSPC (and EDQUOT) as the JDK reports them on Linux and macOS. */
  public static boolean isDiskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
        return true;
      }
    }
    return false;
  }
}
