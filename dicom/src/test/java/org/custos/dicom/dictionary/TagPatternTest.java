package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TagPatternTest {

  @ParameterizedTest(name = "{0} -> tag {1}, mask {2}")
  @CsvSource({
      "00100010, 00100010, FFFFFFFF",
      "60xx3000, 60003000, FF00FFFF",
      "50xxxxxx, 50000000, FF000000",
      "1000xxx0, 10000000, FFFF000F",
      "002031xx, 00203100, FFFFFF00",
      "002804x0, 00280400, FFFFFF0F",
      "7fe00010, 7FE00010, FFFFFFFF",
  })
  void pattern_fixesTheDigitsThatAreNotX(String text, String tagHex, String maskHex) {
    TagPattern pattern = TagPattern.parse(text);
    assertThat(pattern.tag()).isEqualTo(Integer.parseUnsignedInt(tagHex, 16));
    assertThat(pattern.mask()).isEqualTo(Integer.parseUnsignedInt(maskHex, 16));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0010001", "001000100", "(0010,0010)", "0010001G", "0010 010"})
  void malformedPattern_isRejected(String text) {
    assertThatThrownBy(() -> TagPattern.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
