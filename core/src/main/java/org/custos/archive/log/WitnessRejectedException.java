package org.custos.archive.log;

import org.custos.archive.ArchiveException;

/** A cosignature the log does not accept, and why. */
public final class WitnessRejectedException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public WitnessRejectedException(String message) {
    super(message);
  }
}
