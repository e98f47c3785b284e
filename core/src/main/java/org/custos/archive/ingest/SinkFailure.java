package org.custos.archive.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Carries a write failure of the blob sink through the parser (which would otherwise report it
 * as unreadable input), so that a full disk is reported as storage, not as a malformed file.
 */
final class SinkFailure extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  SinkFailure(IOException cause) {
    super("writing the encrypted blob failed", cause);
  }
}
