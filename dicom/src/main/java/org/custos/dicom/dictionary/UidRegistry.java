package org.custos.dicom.dictionary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.dicom.DicomException;

/**
 * The UID registry of PS3.6 Table A-1 (transfer syntaxes, SOP classes, well-known instances,
 * coding schemes, ...), as of the shared data edition (2024d plus additions through 2026b).
 *
 * <p>Knows only standard UIDs: an implementation's private UIDs and UIDs registered after the
 * data edition are unknown. Loaded once, on first use; immutable and thread-safe.
 */
public final class UidRegistry {
  static final String RESOURCE = "uids.tsv";

  private UidRegistry() {}

  private static final class Holder {
    static final List<UidEntry> ALL = load();
    static final Map<String, UidEntry> BY_UID = index(ALL);
    static final List<UidEntry> TRANSFER_SYNTAXES =
        ALL.stream().filter(UidEntry::isTransferSyntax).toList();
  }

  /** The registry entry for {@code uid}; empty when it is not a standard UID. */
  public static Optional<UidEntry> lookup(String uid) {
    return Optional.ofNullable(Holder.BY_UID.get(uid));
  }

  /** Every transfer syntax of the registry, retired ones included, in UID registry order. */
  public static List<UidEntry> transferSyntaxes() {
    return Holder.TRANSFER_SYNTAXES;
  }

  /** The PS3.6 name of {@code uid}, or {@code ""} when it is unknown or has none. */
  public static String nameOf(String uid) {
    UidEntry entry = Holder.BY_UID.get(uid);
    return entry == null ? "" : entry.name();
  }

  private static List<UidEntry> load() {
    return TsvResource.read(RESOURCE, 5).stream()
        .map(row -> {
          try {
            return new UidEntry(
                row.field(0), row.field(1), row.field(2), row.field(3), row.flag(4));
          } catch (IllegalArgumentException e) {
            throw row.malformed(e.getMessage());
          }
        })
        .toList();
  }

  private static Map<String, UidEntry> index(List<UidEntry> entries) {
    Map<String, UidEntry> byUid = new HashMap<>();
    for (UidEntry entry : entries) {
      if (byUid.putIfAbsent(entry.uid(), entry) != null) {
        throw new DicomException("duplicate UID in " + RESOURCE + ": " + entry.uid());
      }
    }
    return Map.copyOf(byUid);
  }
}
