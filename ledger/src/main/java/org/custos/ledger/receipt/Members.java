package org.custos.ledger.receipt;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.ledger.json.JsonException;

/** Typed, path-naming access to the members of one parsed JSON object. */
final class Members {
  private static final Pattern RFC3339_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

  private final Map<?, ?> map;
  private final String path;

  private Members(Map<?, ?> map, String path) {
    this.map = map;
    this.path = path;
  }

  static Members of(Object value, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new LogFormatException(path, "expected an object");
    }
    return new Members(map, path);
  }

  String path(String name) {
    return path + "." + name;
  }

  Map<?, ?> map() {
    return map;
  }

  /** Refuses members other than {@code allowed}, so that nothing unsigned or unhashed rides along. */
  Members only(Set<String> allowed) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new LogFormatException(path(String.valueOf(key)), "unknown member");
      }
    }
    return this;
  }

  boolean has(String name) {
    return map.containsKey(name);
  }

  Object value(String name) {
    Object value = map.get(name);
    if (value == null) {
      throw new LogFormatException(path(name), "missing");
    }
    return value;
  }

  String string(String name) {
    if (!(value(name) instanceof String s) || s.isEmpty()) {
      throw new LogFormatException(path(name), "expected a non-empty string");
    }
    return s;
  }

  Optional<String> optionalString(String name) {
    return has(name) ? Optional.of(string(name)) : Optional.empty();
  }

  long integer(String name) {
    if (!(value(name) instanceof Long n)) {
      throw new LogFormatException(path(name), "expected an integer");
    }
    return n;
  }

  long nonNegative(String name) {
    long n = integer(name);
    if (n < 0) {
      throw new LogFormatException(path(name), "expected an integer >= 0, was " + n);
    }
    return n;
  }

  Members object(String name) {
    return Members.of(value(name), path(name));
  }

  List<?> array(String name) {
    if (!(value(name) instanceof List<?> list)) {
      throw new LogFormatException(path(name), "expected an array");
    }
    return list;
  }

  byte[] base64(String name, int size) {
    return base64(string(name), path(name), size);
  }

  static byte[] base64(Object value, String path, int size) {
    if (!(value instanceof String text)) {
      throw new LogFormatException(path, "expected a base64 string");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException(path, "not base64 (RFC 4648 section 4)", e);
    }
    if (bytes.length != size) {
      throw new LogFormatException(path, "expected base64 of " + size + " bytes, got " + bytes.length);
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw new LogFormatException(path, "base64 not in its padded canonical form");
    }
    return bytes;
  }

  byte[] hex256(String name) {
    String text = string(name);
    if (!HEX_256.matcher(text).matches()) {
      throw new LogFormatException(path(name), "expected 64 lowercase hex digits");
    }
    return HexFormat.of().parseHex(text);
  }

  Instant time(String name) {
    return time(string(name), path(name));
  }

  static Instant time(String text, String path) {
    if (!RFC3339_UTC.matcher(text).matches()) {
      throw new LogFormatException(path, "expected an RFC 3339 UTC time such as 2026-11-25T20:01:02.123Z");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new LogFormatException(path, "not a valid date and time", e);
    }
  }

  static Object parseJson(String text, String path) {
    try {
      return org.custos.ledger.json.Json.parse(text);
    } catch (JsonException e) {
      throw new LogFormatException(path, "not JSON: " + e.getMessage(), e);
    }
  }
}
