package org.custos.dicom.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversions between the text of IS and DS values (PS3.5 6.2) and JSON numbers (RFC 8259 6),
 * which differ: DS allows a leading '+', leading zeros and a bare '.5' or '5.', JSON does not.
 * Both directions keep every digit they are given where the target allows it.
 */
final class NumberText {
  /** PS3.5 Table 6.2-1: a DS value is at most 16 bytes. */
  static final int DS_MAX_CHARS = 16;
  /** Larger decimal exponents are not integers anyone means; they would cost memory to expand. */
  private static final int MAX_INTEGER_DIGITS = 1000;
  private static final Pattern DECIMAL = Pattern.compile("([+-]?)(\\d*)(?:\\.(\\d*))?(?:([eE])([+-]?\\d+))?");
  private static final Pattern INTEGER = Pattern.compile("([+-]?)(\\d+)");

  private NumberText() {}

  /** The JSON number for a DS value (padding already removed), or empty when it is not a decimal. */
  static Optional<String> jsonFromDecimalString(String value) {
    Matcher m = DECIMAL.matcher(value);
    boolean matches = m.matches();
    String fraction = matches ? m.group(3) : null;
    if (!matches || (m.group(2).isEmpty() && (fraction == null || fraction.isEmpty()))) {
      return Optional.empty();
    }
    StringBuilder json = new StringBuilder(value.length() + 1);
    json.append(m.group(1).equals("-") ? "-" : "").append(withoutLeadingZeros(m.group(2)));
    if (fraction != null && !fraction.isEmpty()) {
      json.append('.').append(fraction);
    }
    if (m.group(4) != null) {
      json.append(m.group(4)).append(m.group(5));
    }
    return Optional.of(json.toString());
  }

  /**
   * The JSON number for an IS value, or empty when it is not an integer. A decimal with an
   * integral value ({@code 1e3}, {@code 5.0}) is accepted as that integer.
   */
  static Optional<String> jsonFromIntegerString(String value) {
    Matcher m = INTEGER.matcher(value);
    if (m.matches()) {
      return Optional.of((m.group(1).equals("-") ? "-" : "") + withoutLeadingZeros(m.group(2)));
    }
    return jsonFromDecimalString(value).flatMap(NumberText::integralText);
  }

  /** IS text for a JSON number literal; fails when the number has a fraction. */
  static String integerStringFromJson(String literal, boolean integerToken) {
    if (integerToken) {
      return literal;
    }
    return integralText(literal).orElseThrow(() -> new BadValue("IS value is not an integer"));
  }

  /**
   * DS text for a JSON number literal: the literal itself when it fits in 16 characters, else the
   * value rounded (half even) to the most significant digits that fit, in plain or scientific
   * form, whichever is shorter. Digits given are kept as long as they fit, trailing zeros too.
   */
  static String decimalStringFromJson(String literal) {
    if (literal.length() <= DS_MAX_CHARS) {
      return literal;
    }
    BigDecimal value = parse(literal).orElseThrow(() -> new BadValue("DS value is out of range"));
    for (int digits = value.precision(); digits >= 1; digits--) {
      String text = shortest(value.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
      if (text.length() <= DS_MAX_CHARS) {
        return text;
      }
    }
    throw new BadValue("DS value does not fit in " + DS_MAX_CHARS + " characters");
  }

  private static String shortest(BigDecimal value) {
    String sign = value.signum() < 0 ? "-" : "";
    // More than 16 digits after the point, or 16 zeros before it, cannot fit: skip expanding them.
    String plain = Math.abs(value.scale()) > DS_MAX_CHARS ? null : value.abs().toPlainString();
    if (plain != null && plain.startsWith("0.")) {
      plain = plain.substring(1); // PS3.5 6.2 allows ".5"
    }
    String digits = value.unscaledValue().abs().toString();
    long exponent = (long) digits.length() - 1 - value.scale();
    String scientific = digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
        + (exponent != 0 ? "E" + exponent : "");
    return sign + (plain != null && plain.length() <= scientific.length() ? plain : scientific);
  }

  private static Optional<String> integralText(String jsonNumber) {
    Optional<BigDecimal> parsed = parse(jsonNumber);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    if (parsed.get().signum() == 0) {
      return Optional.of(jsonNumber.startsWith("-") ? "-0" : "0");
    }
    BigDecimal value = parsed.get().stripTrailingZeros();
    if (value.scale() > 0 || (long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      return Optional.empty();
    }
    return Optional.of(value.toBigIntegerExact().toString());
  }

  /** Empty when the exponent is beyond what BigDecimal holds (about 2^31). */
  private static Optional<BigDecimal> parse(String jsonNumber) {
    try {
      return Optional.of(new BigDecimal(jsonNumber));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String withoutLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.isEmpty() ? "0" : digits.substring(i);
  }
}
