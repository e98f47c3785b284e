package org.custos.archive.ingest;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Keeps a reader from closing a stream the caller still needs. */
final class UnclosableInput extends FilterInputStream {
  UnclosableInput(InputStream in) {
    super(in);
  }

  @Override
  public void close() {
    // owned by the caller
  }
}
