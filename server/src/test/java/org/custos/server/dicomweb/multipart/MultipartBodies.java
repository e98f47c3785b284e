package org.custos.server.dicomweb.multipart;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds multipart bodies for tests and reads them back. */
final class MultipartBodies {
  private MultipartBodies() {}

  static byte[] body(String boundary, List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(part);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Every part's body, read with reads of at most {@code chunk} bytes. */
  static List<byte[]> readAll(InputStream in, String boundary, int chunk) throws IOException {
    MultipartReader reader = new MultipartReader(in, boundary);
    List<byte[]> bodies = new ArrayList<>();
    Optional<Part> part;
    while ((part = reader.next()).isPresent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] b = new byte[chunk];
      int n;
      InputStream body = part.get().body();
      while ((n = body.read(b, 0, chunk)) >= 0) {
        out.write(b, 0, n);
      }
      bodies.add(out.toByteArray());
    }
    return bodies;
  }

  /** A stream that hands out at most {@code max} bytes per read, as a slow network does. */
  static InputStream trickle(InputStream in, int max) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, max));
      }
    };
  }
}
