package org.custos.server.dicomweb.wado;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes a {@code multipart/related} body (RFC 2387 over RFC 2046 5.1.1): each part a delimiter
 * line, its headers, an empty line and its bytes, streamed; then the close delimiter. The boundary
 * is 32 random hex digits, so no part's content can contain it by chance. Not thread-safe.
 */
final class MultipartWriter {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final OutputStream out;
  private final String boundary;
  private boolean first = true;

  MultipartWriter(OutputStream out, String boundary) {
    this.out = out;
    this.boundary = boundary;
  }

  static String newBoundary() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The Content-Type of the whole body. */
  static String contentType(String partType, String boundary) {
    return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
  }

  /** Starts a part; write its content to the returned stream (closing it does not close the body). */
  OutputStream part(Map<String, String> headers) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(first ? "" : "\r\n").append("--").append(boundary).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    first = false;
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Ends the body with the close delimiter. */
  void finish() throws IOException {
    out.write(((first ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
