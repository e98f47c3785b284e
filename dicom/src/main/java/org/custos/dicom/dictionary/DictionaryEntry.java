package org.custos.dicom.dictionary;

import java.util.List;
import java.util.Objects;
import org.custos.dicom.Tag;
import org.custos.dicom.Vr;

/**
 * One data element of the PS3.6 registry, or one synthesized by {@link DicomDictionary} for a
 * group length or private creator tag.
 *
 * <p>{@code tag} holds the fixed bits of the registry tag; {@code mask} says which bits are fixed.
 * It is {@code 0xFFFFFFFF} for an ordinary tag and has a zero nibble for every {@code x} of a
 * repeating tag in PS3.6: {@code (60xx,3000)} has tag {@code 0x60003000} and mask
 * {@code 0xFF00FFFF}, {@code (1000,xxx0)} has tag {@code 0x10000000} and mask {@code 0xFFFF000F}.
 *
 * <p>{@code vrs} lists the VRs PS3.6 allows, in its order ({@code US or SS} gives {@code [US, SS]});
 * it is empty for Item, Item Delimitation Item and Sequence Delimitation Item (FFFE,xxxx), which
 * have no VR (PS3.5 7.5). {@code keyword} is empty for the few retired entries that have none.
 *
 * <p>Immutable; the compact constructor copies {@code vrs} and rejects a tag with bits outside its
 * mask.
 */
public record DictionaryEntry(
    int tag, int mask, List<Vr> vrs, String vm, String keyword, boolean retired) {

  public DictionaryEntry {
    vrs = List.copyOf(vrs);
    Objects.requireNonNull(vm, "vm");
    Objects.requireNonNull(keyword, "keyword");
    if ((tag & ~mask) != 0) {
      throw new IllegalArgumentException(
          "tag " + Tag.toString(tag) + " has bits outside mask " + Tag.toHex(mask));
    }
  }

  /**
   * The VR to assume when the encoding does not say (implicit VR, PS3.5 A.1): the first
   * alternative of {@link #vrs()}, or {@link Vr#UN} when there is none. For multi-VR elements
   * such as {@code US or SS} the caller decides from context (PS3.5 Annex A notes, e.g. Pixel
   * Representation).
   */
  public Vr vr() {
    return vrs.isEmpty() ? Vr.UN : vrs.get(0);
  }

  /** True for repeating tags such as {@code (60xx,3000)}, false for exact tags. */
  public boolean isRepeating() {
    return mask != 0xFFFFFFFF;
  }

  /**
   * Whether {@code candidate} is an instance of this entry: its fixed bits equal {@link #tag()}
   * and, when the low byte of the group is repeating, that byte is even and at most 0x1E
   * (PS3.5 7.6: repeating groups are the even groups gg00 to gg1E, e.g. overlays 6000-601E).
   */
  public boolean matches(int candidate) {
    if ((candidate & mask) != tag) {
      return false;
    }
    if ((mask & 0x00FF0000) == 0) {
      int groupLowByte = (candidate >>> 16) & 0xFF;
      return (groupLowByte & 1) == 0 && groupLowByte <= 0x1E;
    }
    return true;
  }
}
