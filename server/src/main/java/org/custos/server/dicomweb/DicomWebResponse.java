package org.custos.server.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A retrieve answer ready to be sent: its media type (with the multipart boundary) and a body
 * written on demand, streaming. Everything that can fail before the first byte (path, Accept, frame
 * numbers, access record) has failed before this object exists; what remains is reading stored
 * data, which can still fail closed mid-body with an {@code IntegrityFailureException}: the caller
 * must then abort the transfer (reset the connection, never finish the body), so the client sees a
 * failed download rather than a complete-looking one. Write it once; not thread-safe.
 */
public final class DicomWebResponse {
  /** Writes a body. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private final String contentType;
  private final OptionalLong contentLength;
  private final Body body;

  public DicomWebResponse(String contentType, OptionalLong contentLength, Body body) {
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.contentLength = Objects.requireNonNull(contentLength, "contentLength");
    this.body = Objects.requireNonNull(body, "body");
  }

  /** The value of the Content-Type header, e.g. {@code multipart/related; type="application/dicom"; boundary=...}. */
  public String contentType() {
    return contentType;
  }

  /** The body's length when known in advance (single-part bodies mostly). */
  public OptionalLong contentLength() {
    return contentLength;
  }

  /** Writes the body; {@code out} is flushed, not closed. */
  public void writeTo(OutputStream out) throws IOException {
    body.writeTo(out);
    out.flush();
  }

  @Override
  public String toString() {
    return "DicomWebResponse[" + contentType + "]";
  }
}
