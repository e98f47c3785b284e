package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.custos.dicom.DicomException;
import org.junit.jupiter.api.Test;

final class TsvResourceTest {

  private static List<TsvResource.Row> parse(String text, int columns) throws IOException {
    return TsvResource.parse("test.tsv", new BufferedReader(new StringReader(text)), columns);
  }

  @Test
  void commentsAndBlankLines_areSkippedAndEmptyFieldsKept() throws IOException {
    List<TsvResource.Row> rows = parse("# header\n\nFFFEE000\t\t1\tItem\tN\n", 5);
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.lineNumber()).isEqualTo(3);
      assertThat(row.fields()).containsExactly("FFFEE000", "", "1", "Item", "N");
      assertThat(row.flag(4)).isFalse();
    });
  }

  @Test
  void wrongFieldCount_failsNamingResourceAndLine() {
    assertThatThrownBy(() -> parse("# c\n00100010\tPN\t1\n", 5))
        .isInstanceOf(DicomException.class)
        .hasMessageContaining("test.tsv line 2")
        .hasMessageContaining("3 fields, want 5");
  }

  @Test
  void flagOtherThanYOrN_failsNamingResourceAndLine() throws IOException {
    TsvResource.Row row = parse("a\tyes\n", 2).get(0);
    assertThatThrownBy(() -> row.flag(1))
        .isInstanceOf(DicomException.class)
        .hasMessageContaining("test.tsv line 1");
  }

  @Test
  void missingResource_failsWithItsName() {
    assertThatThrownBy(() -> TsvResource.read("no-such.tsv", 5))
        .isInstanceOf(DicomException.class)
        .hasMessageContaining("no-such.tsv");
  }
}
