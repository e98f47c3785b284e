package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custos.dicom.Vr;
import org.junit.jupiter.api.Test;

final class KeywordIndexTest {

  private static DictionaryEntry entry(int tag, String keyword, boolean retired) {
    return new DictionaryEntry(tag, 0xFFFFFFFF, List.of(Vr.CS), "1", keyword, retired);
  }

  @Test
  void uniqueKeywords_resolveWhetherRetiredOrNot() {
    DictionaryEntry current = entry(1, "A", false);
    DictionaryEntry retired = entry(2, "B", true);
    assertThat(KeywordIndex.unambiguous(List.of(current, retired)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("A", current, "B", retired));
  }

  @Test
  void currentEntry_winsOverRetiredEntriesWithTheSameKeyword() {
    DictionaryEntry current = entry(2, "A", false);
    assertThat(KeywordIndex.unambiguous(List.of(entry(1, "A", true), current, entry(3, "A", true))))
        .containsExactlyEntriesOf(Map.of("A", current));
  }

  @Test
  void keywordSharedByTwoCurrentEntries_resolvesToNothing() {
    assertThat(KeywordIndex.unambiguous(List.of(entry(1, "A", false), entry(2, "A", false))))
        .isEmpty();
  }

  @Test
  void keywordSharedByTwoRetiredEntries_resolvesToNothing() {
    assertThat(KeywordIndex.unambiguous(List.of(entry(1, "A", true), entry(2, "A", true))))
        .isEmpty();
  }

  @Test
  void emptyKeywords_areLeftOut() {
    assertThat(KeywordIndex.unambiguous(List.of(entry(1, "", true)))).isEmpty();
  }
}
