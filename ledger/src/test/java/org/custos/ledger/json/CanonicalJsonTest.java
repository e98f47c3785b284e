package org.custos.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8785's examples that fit the integer-only subset, and the subset's own rules. */
class CanonicalJsonTest {
  @Test
  void rfc8785_3_2_2_stringsAndLiterals_withoutTheFloatingPointMembers() {
    String input = "{\n"
        + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
        + "  \"literals\": [null, true, false]\n"
        + "}";

    byte[] canonical = CanonicalJson.encode(Json.parse(input));

    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .isEqualTo("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void rfc8785_3_2_3_sortingByUtf16CodeUnits_matchesTheRfcBytes() {
    String input = "{\n"
        + "  \"\\u20ac\": \"Euro Sign\",\n"
        + "  \"\\r\": \"Carriage Return\",\n"
        + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
        + "  \"1\": \"One\",\n"
        + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
        + "  \"\\u0080\": \"Control\",\n"
        + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
        + "}";

    byte[] canonical = CanonicalJson.encode(Json.parse(input));

    assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
        + "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    // The UTF-8 of the key names in RFC 8785 3.2.4's order: the emoji (U+1F600) sorts before U+FB33
    // because its UTF-16 high surrogate D83D is smaller, though its code point is larger.
    assertThat(HexFormat.of().formatHex(canonical)).contains("f09f9880").contains("efacb3");
    assertThat(HexFormat.of().formatHex(canonical).indexOf("f09f9880"))
        .isLessThan(HexFormat.of().formatHex(canonical).indexOf("efacb3"));
  }

  @Test
  void controlCharacters_useTheShortEscapes_orLowercaseHex() {
    String all = "\b\t\n\f\r\"\\\u0000\u001f\u007f/";

    assertThat(new String(CanonicalJson.encode(all), StandardCharsets.UTF_8))
        .isEqualTo("\"\\b\\t\\n\\f\\r\\\"\\\\\\u0000\\u001f\u007f/\"");
  }

  @Test
  void integers_arePlainDecimal_upToTheSafeLimit() {
    assertThat(CanonicalJson.encode(List.of(0L, -0L, 17, CanonicalJson.MAX_SAFE_INTEGER, -CanonicalJson.MAX_SAFE_INTEGER)))
        .asString(StandardCharsets.UTF_8).isEqualTo("[0,0,17,9007199254740991,-9007199254740991]");
    assertThatThrownBy(() -> CanonicalJson.encode(CanonicalJson.MAX_SAFE_INTEGER + 1)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> CanonicalJson.encode(Long.MIN_VALUE)).isInstanceOf(JsonException.class);
  }

  @Test
  void memberOrder_doesNotChangeTheBytes() {
    Object a = Json.parse("{\"b\":{\"y\":1,\"x\":2},\"a\":[{\"d\":1,\"c\":2}]}");
    Object b = Json.parse("{ \"a\" : [ { \"c\" : 2 , \"d\" : 1 } ] , \"b\" : { \"x\" : 2 , \"y\" : 1 } }");

    assertThat(CanonicalJson.encode(a)).isEqualTo(CanonicalJson.encode(b))
        .asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":[{\"c\":2,\"d\":1}],\"b\":{\"x\":2,\"y\":1}}");
  }

  @Test
  void valuesWithoutAJsonForm_areRefused() {
    assertThatThrownBy(() -> CanonicalJson.encode(Map.of("a", 1.0))).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> CanonicalJson.encode(List.of(new Object()))).isInstanceOf(JsonException.class);
  }
}
