package org.custos.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
  @Test
  void parse_readsEveryValueKind_keepingMemberOrder() {
    Object value = Json.parse(" {\"b\": [1, -2, true, false, null], \"a\": \"x\\u00e9\\n\", \"c\": {}} ");

    assertThat(value).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    assertThat(map.keySet()).containsExactly("b", "a", "c");
    assertThat(map.get("b")).isEqualTo(List.of(1L, -2L, true, false, Json.NULL));
    assertThat(map.get("a")).isEqualTo("x\u00e9\n");
    assertThat(map.get("c")).isEqualTo(Map.of());
  }

  @Test
  void parse_returnsImmutableValues() {
    Map<?, ?> map = (Map<?, ?>) Json.parse("{\"a\":[1]}");

    assertThatThrownBy(() -> map.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) map.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void surrogatePairs_areKept_escapedOrLiteral() {
    assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
    assertThat(Json.parse("\"\ud83d\ude00\"")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void integersAtTheSafeLimit_parse_andOneBeyond_fails() {
    assertThat(Json.parse("9007199254740991")).isEqualTo(9007199254740991L);
    assertThat(Json.parse("-9007199254740991")).isEqualTo(-9007199254740991L);
    assertThatThrownBy(() -> Json.parse("9007199254740992")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.parse("[123456789012345678901234567890]"))
        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[1.5]|2|fraction",
      "[1e3]|2|fraction or exponent",
      "{\"a\":1,\"a\":2}|7|duplicate",
      "[01]|1|leading zeros",
      "[1,]|3|expected a value",
      "{\"a\" 1}|5|expected ':'",
      "\"\\ud800\"|1|unpaired surrogate",
      "\"\\udc00x\"|1|unpaired surrogate",
      "\"\\x\"|1|invalid escape",
      "[1] x|4|after the JSON value",
      "tru|0|expected true",
      "\"abc|0|unterminated",
      "{\"a\":1|6|end of input",
      "[-]|2|needs digits",
      "{1:2}|1|member name",
      "[1 2]|3|expected ',' or ']'",
      "'a'|0|unexpected character",
      "\"\\u12g4\"|1|four hex digits",
      "|0|end of input",
  })
  void malformedText_failsWithItsOffset(String text, int offset, String reason) {
    String input = text == null ? "" : text;
    assertThatThrownBy(() -> Json.parse(input))
        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(offset))
        .hasMessageContaining(reason)
        .hasMessageEndingWith("at offset " + offset);
  }

  @Test
  void rawControlCharacterInAString_fails() {
    assertThatThrownBy(() -> Json.parse("\"a\tb\"")).isInstanceOf(JsonException.class).hasMessageContaining("U+0009");
  }

  @Test
  void deepNesting_failsWithTheParsersOwnException() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonException.class).hasMessageContaining("nesting");
  }

  @Test
  void truncationAtEveryOffset_failsOnlyWithJsonException() {
    String text = Json.write(sample(), true);
    for (int end = 0; end < text.length(); end++) {
      String prefix = text.substring(0, end);
      assertThatThrownBy(() -> Json.parse(prefix)).as("prefix of %d chars", end)
          .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isBetween(0, prefix.length()));
    }
  }

  @Test
  void write_pretty_indentsByTwo_andCompactHasNoWhitespace() {
    assertThat(Json.write(sample(), false)).isEqualTo("{\"z\":[1,\"\\u001f\"],\"a\":{\"t\":true,\"n\":null},\"e\":[]}");
    assertThat(Json.write(sample(), true)).isEqualTo("{\n  \"z\": [\n    1,\n    \"\\u001f\"\n  ],\n"
        + "  \"a\": {\n    \"t\": true,\n    \"n\": null\n  },\n  \"e\": []\n}");
  }

  @Test
  void write_refusesWhatHasNoJsonForm() {
    assertThatThrownBy(() -> Json.write(List.of(1.5), false)).isInstanceOf(JsonException.class).hasMessageContaining("Double");
    assertThatThrownBy(() -> Json.write(Map.of(1, 2), false)).isInstanceOf(JsonException.class).hasMessageContaining("names must be strings");
    assertThatThrownBy(() -> Json.write(List.of(1L << 53), false)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.write("\ud800", false)).isInstanceOf(JsonException.class).hasMessageContaining("surrogate");
  }

  static Map<String, Object> sample() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("t", true);
    inner.put("n", Json.NULL);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", List.of(1L, "\u001f"));
    map.put("a", inner);
    map.put("e", List.of());
    return map;
  }
}
