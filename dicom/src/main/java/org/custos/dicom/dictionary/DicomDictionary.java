package org.custos.dicom.dictionary;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.custos.dicom.Vr;

/**
 * The public data element registry of PS3.6 (Tables 6-1, 7-1, 8-1) and the command elements of
 * PS3.7 Annex E, as of PS3.6 2026b (see the shared data README for the exact sources).
 *
 * <p><b>Resolution order</b> for {@link #lookup(int)}:
 * <ol>
 *   <li>an exact registry tag, e.g. (0010,0010) Patient Name;
 *   <li>a group length (gggg,0000): {@code UL}, keyword {@code GenericGroupLength}, or
 *       {@code PrivateGroupLength} in an odd group (PS3.5 7.2);
 *   <li>in an odd (private) group: a private creator (gggg,0010-00FF) is {@code LO} with keyword
 *       {@code PrivateCreator} (PS3.5 7.8.1); any other private element is unknown, since its
 *       meaning depends on the creator;
 *   <li>a repeating registry tag, most fixed bits first: (60xx,3000) Overlay Data matches
 *       (6002,3000); repeating groups only match even groups xx00-xx1E (PS3.5 7.6).
 * </ol>
 *
 * <p><b>Speed.</b> The registry is loaded once, on first use (lazy holder), into sorted
 * {@code int[]} and parallel arrays. An exact hit is one binary search and returns a
 * pre-built {@code Optional}, with no boxing and no allocation; {@link #vrOf(int)} never
 * allocates. Only synthesized entries (group lengths, private creators) are allocated per call.
 * The keyword index is built separately, on the first keyword query.
 *
 * <p><b>Not included:</b> private dictionaries, and elements added to the standard after the
 * data edition; those resolve as unknown. Thread-safe: all state is immutable after loading.
 */
public final class DicomDictionary {
  private DicomDictionary() {}

  /** Loaded by the JVM on first access of {@code TABLE}; class initialization is thread-safe. */
  private static final class Holder {
    static final DictionaryTable TABLE = DictionaryTable.load();
  }

  /** Separate so that readers, which never ask by keyword, do not pay for building it. */
  private static final class KeywordHolder {
    static final Map<String, DictionaryEntry> BY_KEYWORD =
        KeywordIndex.unambiguous(Holder.TABLE.entries());
  }

  /** The entry describing {@code tag}, by the resolution order above; empty when unknown. */
  public static Optional<DictionaryEntry> lookup(int tag) {
    return Holder.TABLE.lookup(tag);
  }

  /**
   * The VR an implicit-VR reader should assume for {@code tag}: the same as
   * {@code lookup(tag).map(DictionaryEntry::vr).orElse(Vr.UN)}, without allocating. For tags with
   * alternatives ({@code US or SS}, {@code OB or OW}) this is the first; the caller refines it from
   * context (PS3.5 Annex A).
   */
  public static Vr vrOf(int tag) {
    return Holder.TABLE.vrOf(tag);
  }

  /**
   * The registry entry with this keyword, e.g. {@code "PatientName"}. Repeating entries return
   * their base tag ({@code "OverlayData"} gives (6000,3000) with mask {@code 0xFF00FFFF}).
   * Empty for unknown keywords, for the synthesized keywords ({@code PrivateCreator},
   * {@code GenericGroupLength}, {@code PrivateGroupLength}), and for a keyword shared by several
   * entries unless exactly one of them is not retired.
   */
  public static Optional<DictionaryEntry> byKeyword(String keyword) {
    return Optional.ofNullable(KeywordHolder.BY_KEYWORD.get(keyword));
  }

  /** The tag of {@link #byKeyword(String)}; empty when that is empty. */
  public static OptionalInt tagOf(String keyword) {
    Optional<DictionaryEntry> entry = byKeyword(keyword);
    return entry.isPresent() ? OptionalInt.of(entry.get().tag()) : OptionalInt.empty();
  }

  /** The keyword of {@link #lookup(int)}, or {@code ""} when the tag is unknown or has none. */
  public static String keywordOf(int tag) {
    Optional<DictionaryEntry> entry = lookup(tag);
    return entry.isPresent() ? entry.get().keyword() : "";
  }
}
