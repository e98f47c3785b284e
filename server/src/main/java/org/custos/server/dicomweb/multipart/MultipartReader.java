package org.custos.server.dicomweb.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a multipart body (RFC 2046 5.1.1) part by part from a stream, without holding a part:
 *
 * <pre>
 * body := [preamble CRLF] "--" boundary *LWSP CRLF part *(CRLF "--" boundary *LWSP CRLF part)
 *         CRLF "--" boundary "--" [epilogue]
 * part := *(header CRLF) CRLF octets
 * </pre>
 *
 * The delimiter is {@code CRLF--boundary}; a body may begin with {@code --boundary} directly, so
 * the reader scans as if the body were preceded by CRLF. Part bodies end where the next delimiter
 * begins; a delimiter followed by anything but {@code --} or padding and CRLF is an error (RFC
 * 2046: the delimiter must not occur inside a part), as is a body that ends before the close
 * delimiter. Preamble and epilogue are ignored. Header lines are ISO-8859-1, at most {@value
 * #MAX_HEADER_LINE_BYTES} bytes each and {@value #MAX_HEADERS} per part; obsolete line folding is
 * refused.
 *
 * <p>Memory: one {@value #BUFFER_BYTES}-byte buffer and the headers of the current part. Every
 * error is a {@link MultipartException}; once one happened, every later call throws it again.
 * Not thread-safe; the stream it reads is not closed.
 */
public final class MultipartReader {
  static final int BUFFER_BYTES = 64 * 1024;
  static final int MAX_HEADER_LINE_BYTES = 8 * 1024;
  static final int MAX_HEADERS = 64;
  private static final int MAX_PADDING_BYTES = 256;
  private static final int CR = '\r';
  private static final int LF = '\n';

  private enum State { BEFORE_FIRST, HEADERS, IN_PART, DONE }

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf = new byte[BUFFER_BYTES];
  private int pos;
  private int lim;
  /** Bytes dropped from the front of the buffer so far; the first two buffer bytes are the assumed CRLF. */
  private long shifted;
  private boolean eof;
  /** End of the part data known to lie at pos, and whether a delimiter starts there. */
  private int dataEnd = -1;
  private boolean delimiterAtDataEnd;
  private State state = State.BEFORE_FIRST;
  private PartBody current;
  private int parts;
  private IOException failure;

  /**
   * @param in the body (wrap it in a {@link SizeLimitedInputStream} to bound it)
   * @param boundary the {@code boundary} parameter of the Content-Type; see {@link #checkBoundary}
   */
  public MultipartReader(InputStream in, String boundary) {
    this.in = Objects.requireNonNull(in, "in");
    checkBoundary(boundary);
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    buf[0] = CR;
    buf[1] = LF;
    lim = 2;
  }

  /** Longest boundary read: RFC 2046 binds senders to 70, but Orthanc 1.10's STOW client sends 73. */
  public static final int MAX_BOUNDARY_CHARS = 200;

  /**
   * RFC 2046 5.1.1's characters (DIGIT, ALPHA, {@code '()+_,-./:=?} and space, not ending in a
   * space), from 1 to {@value #MAX_BOUNDARY_CHARS} of them: the RFC's limit of 70 binds senders,
   * and a reader that enforced it would refuse real clients (Orthanc's DICOMweb plugin).
   *
   * @throws IllegalArgumentException naming the rule
   */
  public static void checkBoundary(String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_CHARS || boundary.endsWith(" ")
        || !boundary.matches("[0-9A-Za-z'()+_,\\-./:=? ]+")) {
      throw new IllegalArgumentException("the boundary must be 1-" + MAX_BOUNDARY_CHARS + " characters of letters, "
          + "digits and '()+_,-./:=? (RFC 2046 5.1.1), not ending in a space");
    }
  }

  /**
   * The next part, after skipping what is left of the previous one; empty after the close
   * delimiter.
   */
  public Optional<Part> next() throws IOException {
    rethrow();
    try {
      if (current != null) {
        current.skipRest();
        current = null;
      }
      if (state == State.BEFORE_FIRST) {
        skipPreamble();
      }
      if (state == State.DONE) {
        return Optional.empty();
      }
      long offset = offset();
      Map<String, String> headers = readHeaders();
      current = new PartBody();
      state = State.IN_PART;
      parts++;
      return Optional.of(new Part(parts, offset, headers, current));
    } catch (IOException e) {
      throw remember(e);
    }
  }

  /** Number of parts returned so far. */
  public int parts() {
    return parts;
  }

  /** The first error this reader met (also through a part's body), if any. */
  public Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  private void skipPreamble() throws IOException {
    try {
      int n;
      while ((n = dataAvailable()) > 0) {
        pos += n;
      }
    } catch (MultipartException e) {
      if (e.kind() != MultipartException.Kind.TRUNCATED) {
        throw e;
      }
      throw new MultipartException(MultipartException.Kind.NO_DELIMITER, offset(),
          "no delimiter line (\"--\" and the boundary of the Content-Type) in the body");
    }
    consumeDelimiter();
  }

  /**
   * Bytes of part data available at {@code pos} that cannot belong to a delimiter, or 0 when a
   * delimiter begins at {@code pos}. Reads more as needed.
   */
  private int dataAvailable() throws IOException {
    while (true) {
      if (dataEnd > pos) {
        return dataEnd - pos;
      }
      if (dataEnd == pos && delimiterAtDataEnd) {
        return 0;
      }
      int found = indexOfDelimiter();
      if (found >= 0) {
        dataEnd = found;
        delimiterAtDataEnd = true;
        continue;
      }
      // No delimiter in the buffer: everything but a tail that might start one is data.
      int safeEnd = lim - (delimiter.length - 1);
      if (safeEnd > pos) {
        dataEnd = safeEnd;
        delimiterAtDataEnd = false;
        continue;
      }
      if (!fill()) {
        throw new MultipartException(MultipartException.Kind.TRUNCATED, offset(),
            "the body ended inside part " + Math.max(parts, 1) + ", before a delimiter");
      }
    }
  }

  private int indexOfDelimiter() {
    int last = lim - delimiter.length;
    outer:
    for (int i = pos; i <= last; i++) {
      if (buf[i] != CR) {
        continue;
      }
      for (int j = 1; j < delimiter.length; j++) {
        if (buf[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** At a delimiter: consumes it and what follows, up to the next part's headers or the end. */
  private void consumeDelimiter() throws IOException {
    pos += delimiter.length;
    dataEnd = -1;
    long at = offset();
    require(2, "after " + delimiterName());
    if (buf[pos] == '-' && buf[pos + 1] == '-') {
      pos += 2;
      state = State.DONE;
      return;
    }
    int padding = 0;
    while (buf[pos] == ' ' || buf[pos] == '\t') {
      pos++;
      if (++padding > MAX_PADDING_BYTES) {
        throw new MultipartException(MultipartException.Kind.MALFORMED_DELIMITER, at,
            "more than " + MAX_PADDING_BYTES + " bytes of padding after " + delimiterName());
      }
      require(2, "after " + delimiterName());
    }
    if (buf[pos] != CR || buf[pos + 1] != LF) {
      throw new MultipartException(MultipartException.Kind.MALFORMED_DELIMITER, at,
          delimiterName() + " is followed by neither CRLF nor \"--\" (is the boundary used inside a part?)");
    }
    pos += 2;
    state = State.HEADERS;
  }

  /** Which delimiter the reader is at, for messages: the first one, or the one that ends part n. */
  private String delimiterName() {
    return parts == 0 ? "the first delimiter" : "the delimiter after part " + parts;
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      long at = offset();
      String line = readLine();
      if (line.isEmpty()) {
        return headers;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new MultipartException(MultipartException.Kind.MALFORMED_HEADERS, at,
            "obsolete line folding in the headers of part " + (parts + 1));
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon);
      if (!name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
        throw new MultipartException(MultipartException.Kind.MALFORMED_HEADERS, at,
            "a header line of part " + (parts + 1) + " is not \"name: value\"");
      }
      if (headers.size() == MAX_HEADERS) {
        throw new MultipartException(MultipartException.Kind.MALFORMED_HEADERS, at,
            "part " + (parts + 1) + " has more than " + MAX_HEADERS + " headers");
      }
      if (headers.putIfAbsent(name.toLowerCase(Locale.ROOT), line.substring(colon + 1).strip()) != null) {
        throw new MultipartException(MultipartException.Kind.MALFORMED_HEADERS, at,
            "part " + (parts + 1) + " repeats a header");
      }
    }
  }

  private String readLine() throws IOException {
    long at = offset();
    int i = pos;
    while (true) {
      while (i + 1 < lim && i - pos <= MAX_HEADER_LINE_BYTES) {
        if (buf[i] == CR && buf[i + 1] == LF) {
          String line = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
          pos = i + 2;
          return line;
        }
        i++;
      }
      if (i - pos > MAX_HEADER_LINE_BYTES) {
        throw new MultipartException(MultipartException.Kind.MALFORMED_HEADERS, at,
            "a header line of part " + (parts + 1) + " is longer than " + MAX_HEADER_LINE_BYTES + " bytes");
      }
      int before = pos;
      if (!fill()) {
        throw new MultipartException(MultipartException.Kind.TRUNCATED, at,
            "the body ended inside the headers of part " + (parts + 1));
      }
      i -= before - pos; // the buffer was compacted
    }
  }

  /** Makes at least {@code n} bytes available at pos, or fails as truncated. */
  private void require(int n, String where) throws IOException {
    while (lim - pos < n) {
      if (!fill()) {
        throw new MultipartException(MultipartException.Kind.TRUNCATED, offset(), "the body ended " + where);
      }
    }
  }

  /** Compacts the buffer and reads more; false at the end of the body. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      if (dataEnd >= 0) {
        dataEnd -= pos;
      }
      shifted += pos;
      lim -= pos;
      pos = 0;
    }
    if (lim == buf.length) {
      throw new IllegalStateException("multipart buffer full"); // unreachable: lines and delimiters are shorter
    }
    int n;
    do {
      n = in.read(buf, lim, buf.length - lim);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    lim += n;
    return true;
  }

  /** Offset in the body of {@code buf[pos]} (the assumed leading CRLF does not count). */
  private long offset() {
    return Math.max(0, shifted + pos - 2);
  }

  private IOException remember(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return failure;
  }

  private void rethrow() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  /** The current part's body: data up to the next delimiter. */
  private final class PartBody extends InputStream {
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      rethrow();
      if (ended || current != this) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      try {
        int n = dataAvailable();
        if (n == 0) {
          ended = true;
          consumeDelimiter();
          return -1;
        }
        n = Math.min(n, len);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public int available() {
      return ended || current != this || dataEnd <= pos ? 0 : dataEnd - pos;
    }

    void skipRest() throws IOException {
      byte[] scratch = new byte[8192];
      while (read(scratch, 0, scratch.length) >= 0) {
        // discard
      }
    }

    @Override
    public void close() {
      // the request body stays open: the reader goes on with the next part
    }
  }
}
