package org.custos.ledger.json;

/**
 * Strict RFC 8259 JSON for the log's formats. {@link #parse} returns insertion-ordered unmodifiable
 * {@code Map<String, Object>} for objects, unmodifiable {@code List<Object>} for arrays,
 * {@code String}, {@code Long}, {@code Boolean} and {@link #NULL}; it refuses fractions, exponents,
 * integers beyond ±(2^53 − 1), duplicate member names, unpaired surrogates, nesting deeper than
 * 128 and anything after the value, always with a {@link JsonException} naming the offset.
 * {@link #write} is for people (logs of the verifier, reports); hashes and signatures use
 * {@link CanonicalJson}. Stateless and thread-safe.
 */
public final class Json {
  /** The JSON literal null. */
  public static final JsonNull NULL = JsonNull.NULL;

  private Json() {}

  public static Object parse(String text) {
    return new JsonParser(text).parseDocument();
  }

  /**
   * Writes {@code value} (maps with string keys, lists, strings, integers, booleans, {@link #NULL})
   * in member insertion order; {@code pretty} indents by two spaces. Strings are escaped as in
   * {@link CanonicalJson}, so {@code parse(write(x, p))} equals {@code x}.
   */
  public static String write(Object value, boolean pretty) {
    StringBuilder out = new StringBuilder();
    JsonText.write(out, value, pretty, 0);
    return out.toString();
  }
}
