package org.custos.crypto;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets Tink close its encrypting stream without closing the caller's sink: close flushes. */
final class NonClosingOutputStream extends FilterOutputStream {
  NonClosingOutputStream(OutputStream sink) {
    super(sink);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
