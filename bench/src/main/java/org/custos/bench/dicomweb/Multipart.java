package org.custos.bench.dicomweb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * multipart/related bodies (RFC 2387, RFC 2046 5.1) as PS3.18 uses them: a STOW-RS request body
 * of DICOM files, and the one part of a WADO-RS answer for a single instance. Stateless.
 */
public final class Multipart {
  /** The boundary of the bodies {@link #stowBody} writes. */
  public static final String BOUNDARY = "custos-bench-boundary";
  /** The Content-Type of the bodies {@link #stowBody} writes. */
  public static final String STOW_CONTENT_TYPE =
      "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

  private static final Pattern BOUNDARY_PARAMETER = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)",
      Pattern.CASE_INSENSITIVE);
  private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private Multipart() {}

  /** One part per file, each {@code Content-Type: application/dicom}. */
  public static byte[] stowBody(List<byte[]> parts) {
    int size = parts.stream().mapToInt(p -> p.length + 80).sum() + 40;
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    for (byte[] part : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(part);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /**
   * The content of the only part of {@code body}, whose Content-Type header is {@code contentType}
   * (which names the boundary): from the end of the first part's headers to the last delimiter,
   * found from the end so that large parts are not scanned. Fails when there is no such part.
   */
  public static byte[] onlyPart(String contentType, byte[] body) {
    Matcher m = BOUNDARY_PARAMETER.matcher(contentType);
    if (!m.find()) {
      throw new IllegalStateException("no boundary in Content-Type " + contentType);
    }
    String boundary = m.group(2) != null ? m.group(2) : m.group(1);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    int first = indexOf(body, delimiter, 0);
    int headersEnd = first < 0 ? -1 : indexOf(body, HEADER_END, first + delimiter.length);
    if (headersEnd < 0) {
      throw new IllegalStateException("no first part in a body of " + body.length + " bytes");
    }
    int start = headersEnd + HEADER_END.length;
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    int end = lastIndexOf(body, next, start);
    if (end < 0) {
      throw new IllegalStateException("the part does not end in a body of " + body.length + " bytes");
    }
    return Arrays.copyOfRange(body, start, end);
  }

  private static int lastIndexOf(byte[] haystack, byte[] needle, int notBefore) {
    outer:
    for (int i = haystack.length - needle.length; i >= notBefore; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
