package org.custos.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberTextTest {

  @ParameterizedTest
  @CsvSource({
      "1.5, 1.5", "+1.5, 1.5", ".5, 0.5", "-.5, -0.5", "+.5e-3, 0.5e-3", "5., 5", "007, 7", "-007.10, -7.10",
      "1e3, 1e3", "1E+05, 1E+05", "-0, -0", "0000, 0", "1e999999999999, 1e999999999999"})
  void decimalString_becomesJsonNumber(String ds, String json) {
    assertThat(NumberText.jsonFromDecimalString(ds)).hasValue(json);
  }

  @ParameterizedTest
  @CsvSource(value = {"''", ".", "+", "-", "e5", "1e", "1.2.3", "NaN", "Infinity", "1,5", "0x10", "1 2"},
      quoteCharacter = '\'', delimiter = '|')
  void decimalString_thatIsNoNumber_hasNoJson(String ds) {
    assertThat(NumberText.jsonFromDecimalString(ds)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"+5, 5", "-0, -0", "000, 0", "-0012, -12", "99999999999999999999, 99999999999999999999",
      "1e3, 1000", "5.0, 5", "-0.0, -0", "12.50e1, 125"})
  void integerString_becomesJsonInteger(String is, String json) {
    assertThat(NumberText.jsonFromIntegerString(is)).hasValue(json);
  }

  @ParameterizedTest
  @CsvSource({"1.5", "1e-3", "x", "1e99999", "1e9999999999"})
  void integerString_thatIsNoInteger_hasNoJson(String is) {
    assertThat(NumberText.jsonFromIntegerString(is)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "1.5, 1.5", "0.1234567890123456, .123456789012346", "-0.12345678901234, -.12345678901234",
      "1.0000000000000000000, 1.00000000000000", "123456789012345678, 1.23456789012E17",
      "-0.000000000000000012345, -1.2345E-17", "1e-999999999, 1e-999999999",
      "9.99999999999999999e5, 1000000.00000000", "0.00000000000000000000, 0E-20"})
  void jsonNumber_becomesDecimalStringOfAtMost16Characters(String json, String ds) {
    assertThat(NumberText.decimalStringFromJson(json)).isEqualTo(ds).hasSizeLessThanOrEqualTo(16);
  }

  @Test
  void jsonNumber_beyondBigDecimal_fails() {
    assertThatThrownBy(() -> NumberText.decimalStringFromJson("1.0000000000000000e99999999999"))
        .isInstanceOf(BadValue.class);
  }

  @Test
  void jsonInteger_isKept_andIntegralDecimalsAccepted() {
    assertThat(NumberText.integerStringFromJson("-12", true)).isEqualTo("-12");
    assertThat(NumberText.integerStringFromJson("1.2e1", false)).isEqualTo("12");
    assertThatThrownBy(() -> NumberText.integerStringFromJson("1.25e1", false)).isInstanceOf(BadValue.class);
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
            Arbitraries.integers().between(-400, 400))
        .as(BigDecimal::new);
  }

  @Property(tries = 3000)
  void anyJsonNumber_givesAtMost16Characters_closeToIt(@ForAll("decimals") BigDecimal value) {
    String ds = NumberText.decimalStringFromJson(value.toString());
    assertThat(ds).hasSizeLessThanOrEqualTo(NumberText.DS_MAX_CHARS);
    BigDecimal back = new BigDecimal(ds);
    // At least 9 significant digits fit even with a sign and a 3-digit negative exponent.
    assertThat(back.subtract(value).abs()).isLessThanOrEqualTo(
        value.abs().round(new MathContext(1)).movePointLeft(8));
  }

  @Property(tries = 3000)
  void decimalStringToJsonAndBack_keepsTheNumber(@ForAll("decimals") BigDecimal value,
      @ForAll @IntRange(min = 0, max = 3) int style) {
    String plain = value.round(new MathContext(10)).toString();
    String ds = switch (style) {
      case 0 -> plain;
      case 1 -> plain.startsWith("-") ? plain : "+" + plain;
      case 2 -> plain.replaceFirst("^(-?)0\\.", "$1.");
      default -> "00" + plain.replace("-", "");
    };
    Assume.that(ds.length() <= NumberText.DS_MAX_CHARS); // PS3.5 Table 6.2-1
    String json = NumberText.jsonFromDecimalString(ds).orElseThrow();
    assertThat(new BigDecimal(NumberText.decimalStringFromJson(json))).isEqualByComparingTo(new BigDecimal(ds));
  }
}
