package org.custos.dicom;

/**
 * Data element tags as {@code int} values, group in the high 16 bits (PS3.5 7.1.1).
 *
 * <p>Tags are plain ints on purpose: the parser handles millions of them and a boxed type would
 * cost allocation on the hot path. Named constants come from {@link org.custos.dicom.dictionary}
 * (generated from the standard); only the structural tags the codec itself needs are here.
 */
public final class Tag {
  /** (FFFE,E000) Item. */
  public static final int ITEM = 0xFFFEE000;
  /** (FFFE,E00D) Item Delimitation Item. */
  public static final int ITEM_DELIMITATION = 0xFFFEE00D;
  /** (FFFE,E0DD) Sequence Delimitation Item. */
  public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
  /** (7FE0,0010) Pixel Data. */
  public static final int PIXEL_DATA = 0x7FE00010;
  /** (0002,0000) File Meta Information Group Length. */
  public static final int FILE_META_GROUP_LENGTH = 0x00020000;
  /** (0002,0010) Transfer Syntax UID. */
  public static final int TRANSFER_SYNTAX_UID = 0x00020010;
  /** (0008,0005) Specific Character Set. */
  public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
  /** (0028,0103) Pixel Representation. */
  public static final int PIXEL_REPRESENTATION = 0x00280103;

  private Tag() {}

  public static int of(int group, int element) {
    return (group << 16) | (element & 0xFFFF);
  }

  public static int group(int tag) {
    return tag >>> 16;
  }

  public static int element(int tag) {
    return tag & 0xFFFF;
  }

  /** Private tags have an odd group number (PS3.5 7.8). */
  public static boolean isPrivate(int tag) {
    return (group(tag) & 1) == 1;
  }

  /** PS3.5 7.8.1: (gggg,0010-00FF) with odd gggg reserve a block of private elements. */
  public static boolean isPrivateCreator(int tag) {
    int element = element(tag);
    return isPrivate(tag) && element >= 0x10 && element <= 0xFF;
  }

  /** The private creator element that reserves the block of a private data element, e.g. (0029,1010) to (0029,0010). */
  public static int privateCreatorOf(int tag) {
    return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
  }

  /** Group length elements (gggg,0000), retired except in group 0002 but still common. */
  public static boolean isGroupLength(int tag) {
    return element(tag) == 0;
  }

  /** {@code (GGGG,EEEE)} with upper-case hex digits, the notation of PS3.6. */
  public static String toString(int tag) {
    char[] out = {'(', 0, 0, 0, 0, ',', 0, 0, 0, 0, ')'};
    for (int i = 0; i < 4; i++) {
      out[1 + i] = HEX[(tag >>> (28 - 4 * i)) & 0xF];
      out[6 + i] = HEX[(tag >>> (12 - 4 * i)) & 0xF];
    }
    return new String(out);
  }

  /** {@code GGGGEEEE}, the notation of DICOM JSON (PS3.18 F.2.1.1). */
  public static String toHex(int tag) {
    char[] out = new char[8];
    for (int i = 0; i < 8; i++) {
      out[i] = HEX[(tag >>> (28 - 4 * i)) & 0xF];
    }
    return new String(out);
  }

  /** Parses {@code GGGGEEEE} or {@code (GGGG,EEEE)}. */
  public static int parse(String text) {
    String hex = text.replace("(", "").replace(")", "").replace(",", "").trim();
    if (hex.length() != 8) {
      throw new IllegalArgumentException("not a tag (want GGGGEEEE or (GGGG,EEEE)): '" + text + "'");
    }
    try {
      return (int) Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a tag (want hex digits): '" + text + "'", e);
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
