package org.custos.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** write→parse is identity for every value of the subset, and the canonical form is a fixed point. */
class JsonPropertiesTest {
  @Provide
  Arbitrary<Object> values() {
    return value(3);
  }

  private Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        strings().map(s -> s),
        Arbitraries.longs().between(-CanonicalJson.MAX_SAFE_INTEGER, CanonicalJson.MAX_SAFE_INTEGER).map(n -> n),
        Arbitraries.of(true, false).map(b -> b),
        Arbitraries.just(Json.NULL).map(n -> n));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> list = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(l -> l);
    Arbitrary<Object> map = Arbitraries.maps(strings(), Arbitraries.lazy(() -> value(depth - 1))).ofMaxSize(4)
        .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(1, map));
  }

  private static Arbitrary<String> strings() {
    // Any code point, including controls, quotes, backslashes and supplementary characters
    // (which become surrogate pairs), but never a lone surrogate.
    return Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF)
        .list().ofMaxSize(6)
        .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
  }

  @Property(tries = 300)
  void parseOfWrite_isIdentity(@ForAll("values") Object value) {
    assertThat(Json.parse(Json.write(value, false))).isEqualTo(value);
    assertThat(Json.parse(Json.write(value, true))).isEqualTo(value);
  }

  @Property(tries = 200)
  void canonicalEncoding_isAFixedPoint_andParsesBackToTheValue(@ForAll("values") Object value) {
    byte[] canonical = CanonicalJson.encode(value);
    Object reparsed = Json.parse(new String(canonical, StandardCharsets.UTF_8));

    assertThat(CanonicalJson.encode(reparsed)).isEqualTo(canonical);
    assertThat(reparsed).isEqualTo(value);
  }

  @Property(tries = 100)
  void memberInsertionOrder_neverChangesTheCanonicalBytes(@ForAll("values") Object value) {
    assertThat(CanonicalJson.encode(reversed(value))).isEqualTo(CanonicalJson.encode(value));
  }

  private static Object reversed(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      var keys = new java.util.ArrayList<>(map.keySet());
      java.util.Collections.reverse(keys);
      keys.forEach(k -> out.put((String) k, reversed(map.get(k))));
      return out;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(JsonPropertiesTest::reversed).toList();
    }
    return value;
  }
}
