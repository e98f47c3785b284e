package org.custos.server.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * One candidate file: how to show it to the operator (the path they gave, or zip + entry), its
 * size when known (-1 otherwise), and how to open it. Labels are shown on the operator's own
 * terminal only, never logged (file names of exported studies often hold patient names).
 */
public record ImportItem(String label, long sizeBytes, Opener opener) {
  /** Opens the item's bytes; each call returns a new stream. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
