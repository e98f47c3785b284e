package org.custos.ledger.json;

import java.util.List;
import java.util.Map;

/** Serialisation shared by {@link Json#write} and {@link CanonicalJson}: values and string escaping. */
final class JsonText {
  private JsonText() {}

  /**
   * RFC 8785 3.2.2.2 (ES6 JSON.stringify): the two-character escapes for \b \t \n \f \r " and \,
   * other controls below U+0020 as a lowercase \\u00xx, everything else literal.
   */
  static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\b': out.append("\\b"); break;
        case '\t': out.append("\\t"); break;
        case '\n': out.append("\\n"); break;
        case '\f': out.append("\\f"); break;
        case '\r': out.append("\\r"); break;
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new JsonException("a string holds an unpaired surrogate at index " + i);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** An integer in plain decimal, refusing what is not exact in an IEEE double (RFC 8785 3.2.2.3). */
  static void appendInteger(StringBuilder out, Object number) {
    long value;
    if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
      value = ((Number) number).longValue();
    } else {
      throw new JsonException("only integers are supported, not " + number.getClass().getSimpleName());
    }
    if (value > CanonicalJson.MAX_SAFE_INTEGER || value < -CanonicalJson.MAX_SAFE_INTEGER) {
      throw new JsonException("integer outside ±(2^53 − 1): " + value);
    }
    out.append(value);
  }

  static void appendScalar(StringBuilder out, Object value) {
    if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Number) {
      appendInteger(out, value);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value == JsonNull.NULL) {
      out.append("null");
    } else if (value == null) {
      throw new JsonException("Java null has no JSON form; use Json.NULL");
    } else {
      throw new JsonException("no JSON form for a " + value.getClass().getName());
    }
  }

  /** Insertion-ordered output, compact or indented by two spaces. */
  static void write(StringBuilder out, Object value, boolean pretty, int indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> member : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, pretty, indent + 1);
        appendString(out, key(member.getKey()));
        out.append(pretty ? ": " : ":");
        write(out, member.getValue(), pretty, indent + 1);
      }
      newline(out, pretty, indent);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        newline(out, pretty, indent + 1);
        write(out, list.get(i), pretty, indent + 1);
      }
      newline(out, pretty, indent);
      out.append(']');
    } else {
      appendScalar(out, value);
    }
  }

  static String key(Object key) {
    if (key instanceof String s) {
      return s;
    }
    throw new JsonException("object member names must be strings, not " + (key == null ? "null" : key.getClass().getName()));
  }

  private static void newline(StringBuilder out, boolean pretty, int indent) {
    if (pretty) {
      out.append('\n');
      out.append("  ".repeat(indent));
    }
  }
}
