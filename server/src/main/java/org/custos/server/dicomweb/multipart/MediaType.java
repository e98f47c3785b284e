package org.custos.server.dicomweb.multipart;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A media type with its parameters, as in a Content-Type header (RFC 9110 8.3.1):
 * {@code type "/" subtype *(OWS ";" OWS name "=" (token / quoted-string))}. Type, subtype and
 * parameter names are case-insensitive and kept in lower case; values keep their case (a boundary
 * is case-sensitive). Unquoted values may hold '/' (not a token character, but clients send
 * {@code type=application/dicom} unquoted). Immutable.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {
  private static final String TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";

  public MediaType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    parameters = Map.copyOf(parameters);
  }

  /**
   * @throws IllegalArgumentException when the text is not a media type (the message quotes none of it)
   */
  public static MediaType parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    int semicolon = text.indexOf(';');
    int end = semicolon < 0 ? text.length() : semicolon;
    if (slash < 0 || slash > end) {
      throw new IllegalArgumentException("not a media type (type/subtype)");
    }
    String type = text.substring(0, slash).strip();
    String subtype = text.substring(slash + 1, end).strip();
    if (!type.matches(TOKEN) || !subtype.matches(TOKEN)) {
      throw new IllegalArgumentException("not a media type (type/subtype)");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = end;
    while (i < text.length()) {
      i++; // the ';'
      i = skipSpace(text, i);
      if (i >= text.length()) {
        break;
      }
      if (text.charAt(i) == ';') {
        continue;
      }
      int equals = text.indexOf('=', i);
      if (equals < 0) {
        throw new IllegalArgumentException("a media type parameter without '='");
      }
      String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
      if (!name.matches(TOKEN)) {
        throw new IllegalArgumentException("a media type parameter name is not a token");
      }
      i = equals + 1;
      String value;
      if (i < text.length() && text.charAt(i) == '"') {
        StringBuilder quoted = new StringBuilder();
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("an unterminated quoted parameter value");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            if (i >= text.length()) {
              throw new IllegalArgumentException("an unterminated quoted parameter value");
            }
            c = text.charAt(i++);
          }
          quoted.append(c);
        }
        value = quoted.toString();
        i = skipSpace(text, i);
      } else {
        int next = text.indexOf(';', i);
        next = next < 0 ? text.length() : next;
        value = text.substring(i, next).strip();
        // Token, plus '/': many DICOMweb clients send type=application/dicom unquoted.
        if (!value.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z/]+")) {
          throw new IllegalArgumentException("the value of parameter " + name + " is neither a token nor quoted");
        }
        i = next;
      }
      if (i < text.length() && text.charAt(i) != ';') {
        throw new IllegalArgumentException("text after the value of parameter " + name);
      }
      if (parameters.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("parameter " + name + " is given twice");
      }
    }
    return new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), parameters);
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** {@code type/subtype} without parameters. */
  public String essence() {
    return type + "/" + subtype;
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return essence();
  }
}
