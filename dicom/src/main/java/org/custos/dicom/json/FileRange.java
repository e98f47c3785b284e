package org.custos.dicom.json;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The query of a {@link FileBulkData} URI:
 * {@code file:///abs/path?offset=N&length=M[&bigEndian=true][&deflated=true][&encapsulated=true]}.
 *
 * @param offset first byte of the range: in the file, or with {@code deflated} in the inflated
 *     data set stream
 * @param length number of bytes
 * @param bigEndian the range holds a value in big-endian byte order (Explicit VR Big Endian file)
 * @param deflated {@code offset} counts bytes of the inflated data set of a deflated file
 * @param encapsulated the range is the Value Field of encapsulated Pixel Data (PS3.5 A.4): the
 *     Basic Offset Table item, the fragment items and the Sequence Delimitation Item
 */
record FileRange(long offset, long length, boolean bigEndian, boolean deflated, boolean encapsulated) {
  private static final Set<String> FLAGS = Set.of("bigEndian", "deflated", "encapsulated");

  /** This range as a URI of {@code fileUri}, which has no query. */
  String format(String fileUri) {
    return fileUri + "?offset=" + offset + "&length=" + length + (bigEndian ? "&bigEndian=true" : "")
        + (deflated ? "&deflated=true" : "") + (encapsulated ? "&encapsulated=true" : "");
  }

  /**
   * The range of {@code text}, which must be a {@code file:} URI of exactly the path of
   * {@code fileUri}. The messages do not repeat the URI.
   */
  static FileRange parse(String text, URI fileUri) throws IOException {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IOException("BulkDataURI is not a URI");
    }
    if (!"file".equalsIgnoreCase(uri.getScheme()) || uri.getRawQuery() == null
        || (uri.getAuthority() != null && !uri.getAuthority().isEmpty())
        || !fileUri.getPath().equals(uri.getPath())) {
      throw new IOException("BulkDataURI does not point into the file this resolver serves");
    }
    Map<String, String> query = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0 || query.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
        throw new IOException("BulkDataURI query is not offset=N&length=M with optional flags");
      }
    }
    long offset = number(query.remove("offset"));
    long length = number(query.remove("length"));
    for (Map.Entry<String, String> flag : query.entrySet()) {
      if (!FLAGS.contains(flag.getKey()) || !flag.getValue().matches("true|false")) {
        throw new IOException("BulkDataURI query has an unknown parameter");
      }
    }
    return new FileRange(offset, length, flag(query, "bigEndian"), flag(query, "deflated"),
        flag(query, "encapsulated"));
  }

  private static boolean flag(Map<String, String> query, String name) {
    return "true".equals(query.get(name));
  }

  private static long number(String text) throws IOException {
    if (text == null || !text.matches("\\d{1,18}")) {
      throw new IOException("BulkDataURI needs offset and length as non-negative integers");
    }
    return Long.parseLong(text);
  }
}
