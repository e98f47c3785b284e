package org.custos.server.dicomweb.multipart;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One body part: its headers (names lower-cased) and its body, which ends at the next delimiter.
 * Valid until {@link MultipartReader#next()} is called again; reading the body is optional (the
 * reader skips what is left). Header values may hold anything the client sent: do not log them.
 */
public final class Part {
  private final int number;
  private final long offset;
  private final Map<String, String> headers;
  private final InputStream body;

  Part(int number, long offset, Map<String, String> headers, InputStream body) {
    this.number = number;
    this.offset = offset;
    this.headers = Map.copyOf(headers);
    this.body = Objects.requireNonNull(body, "body");
  }

  /** 1 for the first part. */
  public int number() {
    return number;
  }

  /** Byte offset in the request body where the part's headers begin. */
  public long offset() {
    return offset;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public InputStream body() {
    return body;
  }

  @Override
  public String toString() {
    return "Part[" + number + " at byte " + offset + "]";
  }
}
