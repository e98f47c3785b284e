package org.custos.server.dicomweb.qido;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.custos.server.dicomweb.InvalidRequestException;

/**
 * The query parameters of one search, parsed and validated (PS3.18 8.3.4): matching keys,
 * {@code includefield} (repeatable, comma-separated, {@code all}), {@code limit}, {@code offset},
 * {@code fuzzymatching}, and the optional-for-the-server {@code emptyvaluematching} and
 * {@code multiplevaluematching}, which are answered with a warning. {@code accept} and
 * {@code charset} are the transport's business and ignored here. Anything else that names no
 * attribute is a 400 naming the parameter.
 */
record QueryParameters(
    Map<Integer, MatchKey> matchKeys,
    Set<Integer> includeFields,
    boolean includeAll,
    OptionalInt limit,
    int offset,
    boolean fuzzyMatching,
    List<String> unsupportedFlags) {

  static QueryParameters parse(Map<String, List<String>> parameters) {
    Map<Integer, MatchKey> keys = new LinkedHashMap<>();
    Set<Integer> include = new LinkedHashSet<>();
    boolean all = false;
    OptionalInt limit = OptionalInt.empty();
    int offset = 0;
    boolean fuzzy = false;
    List<String> unsupported = new ArrayList<>();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      List<String> values = parameter.getValue();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "includefield" -> {
          for (String value : values) {
            for (String field : value.split(",")) {
              String f = field.strip();
              if (f.equals("all")) {
                all = true;
              } else if (!f.isEmpty()) {
                // A sequence path (00400275.00401001) returns its top-level sequence whole.
                include.add(AttributeKey.parse(f.split("\\.")[0], name).tag());
              }
            }
          }
        }
        case "limit" -> limit = OptionalInt.of(integer(name, single(name, values), 1));
        case "offset" -> offset = integer(name, single(name, values), 0);
        case "fuzzymatching" -> fuzzy = bool(name, single(name, values));
        case "emptyvaluematching", "multiplevaluematching" -> {
          if (bool(name, single(name, values))) {
            unsupported.add(name.toLowerCase(Locale.ROOT));
          }
        }
        case "accept", "charset" -> {
          // Content negotiation happens before the search; responses are always UTF-8.
        }
        default -> {
          if (name.indexOf('.') >= 0) {
            throw new InvalidRequestException(name, "matching on attributes inside sequences is not supported");
          }
          AttributeKey attribute = AttributeKey.parse(name, name);
          if (keys.containsKey(attribute.tag())) {
            throw new InvalidRequestException(name, "the attribute is given more than once");
          }
          keys.put(attribute.tag(), MatchKey.of(attribute, single(name, values), name));
        }
      }
    }
    return new QueryParameters(Map.copyOf(keys), Set.copyOf(include), all, limit, offset, fuzzy, List.copyOf(unsupported));
  }

  Optional<MatchKey> key(int tag) {
    return Optional.ofNullable(matchKeys.get(tag)).filter(k -> !k.isUniversal());
  }

  private static String single(String name, List<String> values) {
    if (values.size() != 1) {
      throw new InvalidRequestException(name, values.isEmpty() ? "has no value" : "is given more than once");
    }
    return values.get(0);
  }

  private static int integer(String name, String value, int minimum) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < minimum) {
        throw new InvalidRequestException(name, "must be at least " + minimum);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "must be an integer of at least " + minimum);
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidRequestException(name, "must be true or false");
    };
  }
}
