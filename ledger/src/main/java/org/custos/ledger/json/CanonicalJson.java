package org.custos.ledger.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme for the value subset of {@link Json}: object members sorted
 * by the UTF-16 code units of their names (3.2.3), no whitespace, strings escaped as ES6
 * JSON.stringify does (3.2.2.2), integers in plain decimal and refused beyond ±(2^53 − 1), where
 * ES6 number serialisation stops being exact (3.2.2.3), and the result in UTF-8. Two values that
 * are equal as JSON always encode to the same bytes, whatever their member order. Stateless.
 */
public final class CanonicalJson {
  /** 2^53 − 1, the largest integer an IEEE 754 double (and so every JCS implementation) holds exactly. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  public static byte[] encode(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value, 0);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder out, Object value, int depth) {
    if (depth > JsonParser.MAX_DEPTH) {
      throw new JsonException("nesting deeper than " + JsonParser.MAX_DEPTH);
    }
    if (value instanceof Map<?, ?> map) {
      List<String> names = new ArrayList<>(map.size());
      map.keySet().forEach(k -> names.add(JsonText.key(k)));
      names.sort(null); // String.compareTo compares UTF-16 code units, as RFC 8785 3.2.3 requires
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonText.appendString(out, names.get(i));
        out.append(':');
        append(out, map.get(names.get(i)), depth + 1);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, list.get(i), depth + 1);
      }
      out.append(']');
    } else {
      JsonText.appendScalar(out, value);
    }
  }
}
