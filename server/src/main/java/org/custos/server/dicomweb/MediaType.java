package org.custos.server.dicomweb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One media range of an HTTP Accept header (RFC 9110 12.5.1) or one media type: type, subtype
 * (either may be {@code *}), parameters with lower-case names (quotes removed) and the quality
 * {@code q}. DICOMweb's parameters are {@code type} of {@code multipart/related} (PS3.18 8.7.3.1)
 * and {@code transfer-syntax} (PS3.18 8.7.3.5.1). Immutable.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters, double quality) {
  public static final String TRANSFER_SYNTAX = "transfer-syntax";
  public static final String TYPE = "type";

  public MediaType {
    type = type.toLowerCase(Locale.ROOT);
    subtype = subtype.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(parameters);
    if (quality < 0 || quality > 1) {
      throw new IllegalArgumentException("quality must be in 0..1, got " + quality);
    }
  }

  /** A media type without parameters, e.g. {@code of("application/dicom")}. */
  public static MediaType of(String essence) {
    return parse(essence, "media type");
  }

  /**
   * The media ranges of an Accept header, best first (by {@code q}, then in header order);
   * {@code *}{@code /*} when the header is absent or blank. Ranges with {@code q=0} are dropped.
   *
   * @throws InvalidRequestException naming {@code Accept} when a range is malformed
   * @throws NotAcceptableException when every range has {@code q=0}: the client accepts nothing
   *     (RFC 9110 12.5.1: "a value of 0 means not acceptable"), which is a 406, not a malformed request
   */
  public static List<MediaType> parseAccept(String header) {
    if (header == null || header.isBlank()) {
      return List.of(of("*/*"));
    }
    List<MediaType> ranges = new ArrayList<>();
    for (String part : split(header, ',')) {
      if (!part.isBlank()) {
        MediaType range = parse(part, "Accept");
        if (range.quality() > 0) {
          ranges.add(range);
        }
      }
    }
    if (ranges.isEmpty()) {
      throw new NotAcceptableException("the Accept header gives every media range q=0, so nothing is acceptable");
    }
    ranges.sort(Comparator.comparingDouble((MediaType range) -> range.quality()).reversed());
    return List.copyOf(ranges);
  }

  private static MediaType parse(String text, String where) {
    List<String> pieces = split(text, ';');
    String essence = pieces.get(0).strip();
    int slash = essence.indexOf('/');
    if (slash <= 0 || slash == essence.length() - 1 || essence.indexOf('/', slash + 1) >= 0
        || essence.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidRequestException(where, "'" + essence + "' is not a media range (type/subtype)");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    double quality = 1;
    for (String piece : pieces.subList(1, pieces.size())) {
      if (piece.isBlank()) {
        continue;
      }
      int eq = piece.indexOf('=');
      if (eq <= 0) {
        throw new InvalidRequestException(where, "parameter '" + piece.strip() + "' of " + essence + " has no value");
      }
      String name = piece.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = unquote(piece.substring(eq + 1).strip());
      if (name.equals("q")) {
        quality = parseQuality(value, where);
      } else {
        parameters.put(name, value);
      }
    }
    return new MediaType(essence.substring(0, slash), essence.substring(slash + 1), parameters, quality);
  }

  private static double parseQuality(String value, String where) {
    // RFC 9110 12.4.2: 0 to 1 with at most three decimals.
    if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
      throw new InvalidRequestException(where, "q=" + value + " is not a quality value (0 to 1, three decimals)");
    }
    return Double.parseDouble(value);
  }

  /** Splits on {@code separator} outside double-quoted strings. */
  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
        continue;
      } else if (c == separator && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }
    return value;
  }

  /** {@code type/subtype} without parameters. */
  public String essence() {
    return type + "/" + subtype;
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether this range includes the concrete media type {@code essence} ({@code *} matches anything). */
  public boolean includes(String essence) {
    MediaType other = of(essence);
    return (type.equals("*") || type.equals(other.type)) && (subtype.equals("*") || subtype.equals(other.subtype));
  }

  public boolean isWildcard() {
    return type.equals("*") && subtype.equals("*");
  }

  /** {@code multipart/related} (or a range including it, such as {@code multipart/*}). */
  public boolean isMultipartRelated() {
    return includes("multipart/related") && !isWildcard();
  }

  /**
   * For a multipart range, the media type of its parts: the {@code type} parameter, or empty when
   * none is given (any part type).
   */
  public Optional<MediaType> partType() {
    return parameter(TYPE).map(MediaType::of);
  }

  /** The {@code transfer-syntax} parameter: a UID or {@code *}. */
  public Optional<String> transferSyntax() {
    return parameter(TRANSFER_SYNTAX);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(essence());
    parameters.forEach((name, value) -> out.append("; ").append(name).append('=')
        .append(value.matches("[A-Za-z0-9.*+-]+") ? value : '"' + value + '"'));
    return out.toString();
  }
}
