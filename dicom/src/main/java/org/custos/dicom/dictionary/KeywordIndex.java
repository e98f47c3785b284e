package org.custos.dicom.dictionary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one rule for resolving a keyword, shared by the run-time indexes and the generator of the
 * constant classes so both always agree. PS3.6 keywords are meant to be unique; should two entries
 * ever share one, the single current (non-retired) entry wins over retired ones, and a keyword
 * that stays ambiguous resolves to nothing rather than to an arbitrary entry.
 */
final class KeywordIndex {
  private KeywordIndex() {}

  /** Keyword to item, in first-seen order; items with an empty keyword are left out. */
  static <T> Map<String, T> unambiguous(
      List<T> items, Function<T, String> keyword, Predicate<T> retired) {
    Map<String, List<T>> byKeyword = new LinkedHashMap<>(items.size() * 2);
    for (T item : items) {
      String key = keyword.apply(item);
      if (!key.isEmpty()) {
        byKeyword.computeIfAbsent(key, k -> new ArrayList<>(1)).add(item);
      }
    }
    Map<String, T> resolved = new LinkedHashMap<>(byKeyword.size() * 2);
    for (Map.Entry<String, List<T>> candidates : byKeyword.entrySet()) {
      T chosen = choose(candidates.getValue(), retired);
      if (chosen != null) {
        resolved.put(candidates.getKey(), chosen);
      }
    }
    return resolved;
  }

  /** {@link #unambiguous} over dictionary entries, as an immutable map. */
  static Map<String, DictionaryEntry> unambiguous(List<DictionaryEntry> entries) {
    return Map.copyOf(new HashMap<>(
        unambiguous(entries, DictionaryEntry::keyword, DictionaryEntry::retired)));
  }

  /** The only candidate, else the only current one among several; null when ambiguous. */
  private static <T> T choose(List<T> candidates, Predicate<T> retired) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    T current = null;
    for (T candidate : candidates) {
      if (!retired.test(candidate)) {
        if (current != null) {
          return null;
        }
        current = candidate;
      }
    }
    return current;
  }
}
