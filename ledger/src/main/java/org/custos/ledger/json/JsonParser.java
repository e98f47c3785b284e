package org.custos.ledger.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 8259 recursive descent over a string, strict: one value, no extensions, no duplicates. */
final class JsonParser {
  static final int MAX_DEPTH = 128;

  private final String text;
  private int pos;
  private int depth;

  JsonParser(String text) {
    this.text = text;
  }

  Object parseDocument() {
    skipWhitespace();
    Object value = value();
    skipWhitespace();
    if (pos != text.length()) {
      throw new JsonException("unexpected content after the JSON value", pos);
    }
    return value;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw new JsonException("unexpected end of input, expected a value", pos);
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", JsonNull.NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw new JsonException("unexpected character " + describe(c) + ", expected a value", pos);
    }
  }

  private Map<String, Object> object() {
    enter();
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw new JsonException("expected a member name in quotes", pos);
      }
      int keyOffset = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value();
      if (members.putIfAbsent(key, value) != null) {
        throw new JsonException("duplicate member name", keyOffset);
      }
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return Collections.unmodifiableMap(members);
      }
      if (c != ',') {
        throw new JsonException("expected ',' or '}' in an object", pos - 1);
      }
    }
  }

  private List<Object> array() {
    enter();
    pos++;
    List<Object> items = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipWhitespace();
      items.add(value());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return Collections.unmodifiableList(items);
      }
      if (c != ',') {
        throw new JsonException("expected ',' or ']' in an array", pos - 1);
      }
    }
  }

  private String string() {
    int start = pos;
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new JsonException("unterminated string starting", start);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw new JsonException("unescaped control character " + describe(c) + " in a string", pos);
      }
      if (c == '\\') {
        escape(out);
        continue;
      }
      if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
        out.append(c).append(text.charAt(pos + 1));
        pos += 2;
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new JsonException("unpaired surrogate in a string", pos);
      }
      out.append(c);
      pos++;
    }
  }

  private void escape(StringBuilder out) {
    int at = pos;
    if (pos + 1 >= text.length()) {
      throw new JsonException("unterminated escape", at);
    }
    char e = text.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '"': out.append('"'); return;
      case '\\': out.append('\\'); return;
      case '/': out.append('/'); return;
      case 'b': out.append('\b'); return;
      case 'f': out.append('\f'); return;
      case 'n': out.append('\n'); return;
      case 'r': out.append('\r'); return;
      case 't': out.append('\t'); return;
      case 'u':
        char unit = hex4(at);
        if (Character.isHighSurrogate(unit)) {
          if (text.startsWith("\\u", pos) && Character.isLowSurrogate(peekHex4(pos + 2))) {
            pos += 2;
            out.append(unit).append(hex4(pos - 2));
            return;
          }
          throw new JsonException("unpaired surrogate escape", at);
        }
        if (Character.isLowSurrogate(unit)) {
          throw new JsonException("unpaired surrogate escape", at);
        }
        out.append(unit);
        return;
      default:
        throw new JsonException("invalid escape \\" + describe(e), at);
    }
  }

  private char hex4(int escapeOffset) {
    if (pos + 4 > text.length()) {
      throw new JsonException("truncated \\u escape", escapeOffset);
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0 || text.charAt(pos + i) > 'f') {
        throw new JsonException("\\u escape needs four hex digits", escapeOffset);
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return (char) value;
  }

  private char peekHex4(int at) {
    if (at + 4 > text.length()) {
      return 0;
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at + i), 16);
      if (digit < 0 || text.charAt(at + i) > 'f') {
        return 0;
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  private Long number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    if (pos == digits) {
      throw new JsonException("a number needs digits", pos);
    }
    if (text.charAt(digits) == '0' && pos - digits > 1) {
      throw new JsonException("a number must not have leading zeros", start);
    }
    if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      throw new JsonException("only integers are supported, found a fraction or exponent", pos);
    }
    if (pos - digits > 16) {
      throw new JsonException("integer outside ±(2^53 − 1)", start);
    }
    long value = Long.parseLong(text, start, pos, 10);
    if (value > CanonicalJson.MAX_SAFE_INTEGER || value < -CanonicalJson.MAX_SAFE_INTEGER) {
      throw new JsonException("integer outside ±(2^53 − 1)", start);
    }
    return value;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw new JsonException("invalid literal, expected " + word, pos);
    }
    pos += word.length();
    return value;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new JsonException("nesting deeper than " + MAX_DEPTH, pos);
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new JsonException("expected '" + c + "'", pos);
    }
    pos++;
  }

  private char peek() {
    if (pos >= text.length()) {
      throw new JsonException("unexpected end of input", pos);
    }
    return text.charAt(pos);
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
