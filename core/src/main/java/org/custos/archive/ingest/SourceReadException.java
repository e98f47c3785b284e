package org.custos.archive.ingest;

import org.custos.archive.ArchiveException;

/** The instance's source failed while it was read (a dropped connection, an unreadable file); nothing was stored. */
public final class SourceReadException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public SourceReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
