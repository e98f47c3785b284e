package org.custos.dicom.dictionary;

import java.util.List;
import org.custos.dicom.Vr;

/**
 * Entries for tags the registry describes by rule rather than by row. Each synthesized entry is
 * exact (mask {@code 0xFFFFFFFF}) for the tag asked about, and its keyword does not resolve back
 * through {@link DicomDictionary#byKeyword}, because it names many tags.
 */
final class SyntheticEntries {
  /** Keyword of a group length (gggg,0000) in an even group without a registry row. */
  static final String GROUP_LENGTH = "GenericGroupLength";
  /** Keyword of a group length (gggg,0000) in an odd (private) group. */
  static final String PRIVATE_GROUP_LENGTH = "PrivateGroupLength";
  /** Keyword of a private creator data element (gggg,0010-00FF), gggg odd. */
  static final String PRIVATE_CREATOR = "PrivateCreator";

  private static final List<Vr> UL = List.of(Vr.UL);
  private static final List<Vr> LO = List.of(Vr.LO);

  private SyntheticEntries() {}

  /**
   * PS3.5 7.2: element 0000 of every group is its Group Length, UL, VM 1. Retired except in
   * groups 0000 and 0002, which have registry rows and never get here.
   */
  static DictionaryEntry groupLength(int tag) {
    boolean privateGroup = ((tag >>> 16) & 1) == 1;
    return new DictionaryEntry(
        tag, 0xFFFFFFFF, UL, "1", privateGroup ? PRIVATE_GROUP_LENGTH : GROUP_LENGTH, true);
  }

  /** PS3.5 7.8.1: (gggg,0010-00FF), gggg odd, reserve a private block; VR LO, VM 1. */
  static DictionaryEntry privateCreator(int tag) {
    return new DictionaryEntry(tag, 0xFFFFFFFF, LO, "1", PRIVATE_CREATOR, false);
  }
}
