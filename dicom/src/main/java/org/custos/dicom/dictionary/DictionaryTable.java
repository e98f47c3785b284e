package org.custos.dicom.dictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custos.dicom.DicomException;
import org.custos.dicom.Tag;
import org.custos.dicom.Vr;

/**
 * The loaded registry, indexed for speed: exact tags in a sorted {@code int[]} with parallel
 * arrays (binary search, no boxing, no allocation on a hit), repeating tags grouped by mask, most
 * specific mask first. Built once and never changed afterwards, so it is safe to share. The
 * keyword index is built separately ({@link KeywordIndex}), on first use: a parser never needs it.
 */
final class DictionaryTable {
  static final String RESOURCE = "elements.tsv";

  /** Signed order, the order {@link Arrays#binarySearch(int[], int)} needs. */
  private static final Comparator<DictionaryEntry> BY_TAG =
      Comparator.comparingInt(DictionaryEntry::tag);

  private final int[] exactTags;
  private final Vr[] exactVrs;
  private final List<Optional<DictionaryEntry>> exactFound;
  private final int[] masks;
  private final int[][] maskedTags;
  private final DictionaryEntry[][] maskedEntries;
  private final List<DictionaryEntry> entries;

  private DictionaryTable(List<DictionaryEntry> entries) {
    List<DictionaryEntry> exact = new ArrayList<>();
    Map<Integer, List<DictionaryEntry>> repeatingByMask = new TreeMap<>(
        Comparator.<Integer>comparingInt(Integer::bitCount)
            .reversed()
            .thenComparing(Integer::compareUnsigned));
    for (DictionaryEntry entry : entries) {
      if (entry.isRepeating()) {
        repeatingByMask.computeIfAbsent(entry.mask(), mask -> new ArrayList<>()).add(entry);
      } else {
        exact.add(entry);
      }
    }
    exact.sort(BY_TAG);
    exactTags = new int[exact.size()];
    exactVrs = new Vr[exact.size()];
    List<Optional<DictionaryEntry>> found = new ArrayList<>(exact.size());
    for (int i = 0; i < exactTags.length; i++) {
      DictionaryEntry entry = exact.get(i);
      exactTags[i] = entry.tag();
      exactVrs[i] = entry.vr();
      found.add(Optional.of(entry));
    }
    requireDistinct(exactTags);
    exactFound = List.copyOf(found);

    masks = new int[repeatingByMask.size()];
    maskedTags = new int[masks.length][];
    maskedEntries = new DictionaryEntry[masks.length][];
    int m = 0;
    for (Map.Entry<Integer, List<DictionaryEntry>> group : repeatingByMask.entrySet()) {
      masks[m] = group.getKey();
      maskedEntries[m] = group.getValue().toArray(new DictionaryEntry[0]);
      Arrays.sort(maskedEntries[m], BY_TAG);
      maskedTags[m] = new int[maskedEntries[m].length];
      for (int i = 0; i < maskedTags[m].length; i++) {
        maskedTags[m][i] = maskedEntries[m][i].tag();
      }
      requireDistinct(maskedTags[m]);
      m++;
    }
    this.entries = List.copyOf(entries);
  }

  /** Loads {@value #RESOURCE} from the class path. */
  static DictionaryTable load() {
    // Only a dozen distinct VR spellings: share one immutable list per spelling.
    Map<String, List<Vr>> vrLists = new HashMap<>();
    List<DictionaryEntry> entries = new ArrayList<>();
    for (TsvResource.Row row : TsvResource.read(RESOURCE, 5)) {
      entries.add(toEntry(row, vrLists));
    }
    return of(entries);
  }

  static DictionaryTable of(List<DictionaryEntry> entries) {
    return new DictionaryTable(entries);
  }

  Optional<DictionaryEntry> lookup(int tag) {
    int i = Arrays.binarySearch(exactTags, tag);
    if (i >= 0) {
      return exactFound.get(i);
    }
    if (Tag.isGroupLength(tag)) {
      return Optional.of(SyntheticEntries.groupLength(tag));
    }
    if (Tag.isPrivate(tag)) {
      return Tag.isPrivateCreator(tag)
          ? Optional.of(SyntheticEntries.privateCreator(tag))
          : Optional.empty();
    }
    return Optional.ofNullable(repeating(tag));
  }

  Vr vrOf(int tag) {
    int i = Arrays.binarySearch(exactTags, tag);
    if (i >= 0) {
      return exactVrs[i];
    }
    if (Tag.isGroupLength(tag)) {
      return Vr.UL;
    }
    if (Tag.isPrivate(tag)) {
      return Tag.isPrivateCreator(tag) ? Vr.LO : Vr.UN;
    }
    DictionaryEntry entry = repeating(tag);
    return entry == null ? Vr.UN : entry.vr();
  }

  /** Every registry entry, in resource order. */
  List<DictionaryEntry> entries() {
    return entries;
  }

  private DictionaryEntry repeating(int tag) {
    for (int m = 0; m < masks.length; m++) {
      int i = Arrays.binarySearch(maskedTags[m], tag & masks[m]);
      if (i >= 0 && maskedEntries[m][i].matches(tag)) {
        return maskedEntries[m][i];
      }
    }
    return null;
  }

  /** PS3.6 writes alternatives as {@code US or SS}; an empty spec means no VR (FFFE,xxxx). */
  static List<Vr> parseVrs(String spec) {
    if (spec.isEmpty()) {
      return List.of();
    }
    List<Vr> vrs = new ArrayList<>(2);
    int start = 0;
    while (true) {
      int or = spec.indexOf(" or ", start);
      String name = or < 0 ? spec.substring(start) : spec.substring(start, or);
      vrs.add(Vr.ofName(name).orElseThrow(
          () -> new IllegalArgumentException("unknown VR '" + name + "' in '" + spec + "'")));
      if (or < 0) {
        return List.copyOf(vrs);
      }
      start = or + 4;
    }
  }

  private static DictionaryEntry toEntry(TsvResource.Row row, Map<String, List<Vr>> vrLists) {
    try {
      TagPattern pattern = TagPattern.parse(row.field(0));
      return new DictionaryEntry(
          pattern.tag(),
          pattern.mask(),
          vrLists.computeIfAbsent(row.field(1), DictionaryTable::parseVrs),
          row.field(2),
          row.field(3),
          row.flag(4));
    } catch (IllegalArgumentException e) {
      throw row.malformed(e.getMessage());
    }
  }

  private static void requireDistinct(int[] sortedTags) {
    for (int i = 1; i < sortedTags.length; i++) {
      if (sortedTags[i] == sortedTags[i - 1]) {
        throw new DicomException("duplicate tag in " + RESOURCE + ": " + Tag.toString(sortedTags[i]));
      }
    }
  }
}
