package org.custos.server.dicomweb.multipart;

import java.io.IOException;
import java.util.Objects;

/**
 * The multipart body is not what RFC 2046 allows, or is larger than allowed. An {@link
 * IOException} because it surfaces through the part's {@link java.io.InputStream} while someone
 * else (the archive's parser) is reading it. The message names the offset in the body and the
 * problem, never content bytes.
 */
public final class MultipartException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What was wrong; the HTTP layer maps each kind to one status. */
  public enum Kind {
    /** No delimiter line {@code --boundary} before the end of the body. */
    NO_DELIMITER,
    /** A delimiter followed by something other than {@code --} or padding and CRLF. */
    MALFORMED_DELIMITER,
    /** A part's header lines are malformed or too large. */
    MALFORMED_HEADERS,
    /** The body ended inside a part or before the close delimiter. */
    TRUNCATED,
    /** The body is larger than the configured limit. */
    TOO_LARGE
  }

  private final Kind kind;
  private final long offset;

  public MultipartException(Kind kind, long offset, String message) {
    super(Objects.requireNonNull(message, "message") + " (at byte " + offset + " of the body)");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.offset = offset;
  }

  public Kind kind() {
    return kind;
  }

  public long offset() {
    return offset;
  }
}
