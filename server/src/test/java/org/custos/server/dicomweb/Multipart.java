package org.custos.server.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart/related body back (RFC 2046 5.1.1), strictly: the first delimiter at the start,
 * CRLF after each delimiter, headers up to an empty line, the close delimiter at the end and nothing
 * after it but CRLF. For tests of what the services write.
 */
public final class Multipart {
  /** One body part: header names in lower case. */
  public record Part(Map<String, String> headers, byte[] body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private Multipart() {}

  /** The whole body of a response. */
  public static byte[] body(DicomWebResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      response.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static List<Part> parts(DicomWebResponse response) {
    return parse(response.contentType(), body(response));
  }

  public static List<Part> parse(String contentType, byte[] body) {
    MediaType type = MediaType.of(contentType);
    if (!type.essence().equals("multipart/related")) {
      throw new AssertionError("not multipart/related: " + contentType);
    }
    String boundary = type.parameter("boundary").orElseThrow(() -> new AssertionError("no boundary"));
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    if (indexOf(body, delimiter, 0) != 0) {
      throw new AssertionError("body does not start with the boundary");
    }
    List<Part> parts = new ArrayList<>();
    int at = delimiter.length;
    while (true) {
      if (body[at] == '-' && body[at + 1] == '-') {
        String rest = new String(body, at + 2, body.length - at - 2, StandardCharsets.US_ASCII);
        if (!rest.equals("\r\n") && !rest.isEmpty()) {
          throw new AssertionError("content after the close delimiter");
        }
        return parts;
      }
      if (body[at] != '\r' || body[at + 1] != '\n') {
        throw new AssertionError("no CRLF after a delimiter at byte " + at);
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
      Map<String, String> headers = new LinkedHashMap<>();
      if (headersEnd > at) {
        for (String line : new String(body, at + 2, headersEnd - at - 2, StandardCharsets.US_ASCII).split("\r\n")) {
          int colon = line.indexOf(':');
          headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
      }
      int start = headersEnd + 4;
      int end = indexOf(body, next, start);
      if (end < 0) {
        throw new AssertionError("unterminated part");
      }
      parts.add(new Part(headers, Arrays.copyOfRange(body, start, end)));
      at = end + next.length;
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
