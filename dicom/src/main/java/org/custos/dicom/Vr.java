package org.custos.dicom;

import java.util.Optional;

/**
 * Value Representations of PS3.5 section 6.2 (current edition, including OV, SV, UV).
 *
 * <p>Each constant knows how it is encoded: whether explicit VR uses the long (4-byte length)
 * header form (PS3.5 7.1.2), the byte used to pad an odd value to even length (PS3.5 6.2: space
 * for text, NUL for UI and binary), the size of one binary value (for byte swapping between
 * little and big endian), and whether the Specific Character Set applies to it (PS3.5 6.1.2.3).
 */
public enum Vr {
  AE(Kind.TEXT, false, false, 0),
  AS(Kind.TEXT, false, false, 0),
  AT(Kind.BINARY, false, false, 2),
  CS(Kind.TEXT, false, false, 0),
  DA(Kind.TEXT, false, false, 0),
  DS(Kind.TEXT, false, false, 0),
  DT(Kind.TEXT, false, false, 0),
  FD(Kind.BINARY, false, false, 8),
  FL(Kind.BINARY, false, false, 4),
  IS(Kind.TEXT, false, false, 0),
  LO(Kind.TEXT, false, true, 0),
  LT(Kind.TEXT, false, true, 0),
  OB(Kind.BULK, true, false, 1),
  OD(Kind.BULK, true, false, 8),
  OF(Kind.BULK, true, false, 4),
  OL(Kind.BULK, true, false, 4),
  OV(Kind.BULK, true, false, 8),
  OW(Kind.BULK, true, false, 2),
  PN(Kind.TEXT, false, true, 0),
  SH(Kind.TEXT, false, true, 0),
  SL(Kind.BINARY, false, false, 4),
  SQ(Kind.SEQUENCE, true, false, 0),
  SS(Kind.BINARY, false, false, 2),
  ST(Kind.TEXT, false, true, 0),
  SV(Kind.BINARY, true, false, 8),
  TM(Kind.TEXT, false, false, 0),
  UC(Kind.TEXT, true, true, 0),
  UI(Kind.TEXT, false, false, 0),
  UL(Kind.BINARY, false, false, 4),
  UN(Kind.BULK, true, false, 1),
  UR(Kind.TEXT, true, false, 0),
  US(Kind.BINARY, false, false, 2),
  UT(Kind.TEXT, true, true, 0),
  UV(Kind.BINARY, true, false, 8);

  /** How the value bytes of a VR are interpreted. */
  public enum Kind {
    /** Character string values (padded with a space, or NUL for UI). */
    TEXT,
    /** Fixed-size numeric values, byte-swapped between little and big endian. */
    BINARY,
    /** Other-byte/word/float streams and UN: may be large and are kept out of memory. */
    BULK,
    /** A sequence of items. */
    SEQUENCE
  }

  private final Kind kind;
  private final boolean longExplicitHeader;
  private final boolean characterSetSensitive;
  private final int bytesPerValue;
  private final int code;

  Vr(Kind kind, boolean longExplicitHeader, boolean characterSetSensitive, int bytesPerValue) {
    this.kind = kind;
    this.longExplicitHeader = longExplicitHeader;
    this.characterSetSensitive = characterSetSensitive;
    this.bytesPerValue = bytesPerValue;
    this.code = (name().charAt(0) << 8) | name().charAt(1);
  }

  private static final Vr[] BY_CODE = new Vr[1 << 16];

  static {
    for (Vr vr : values()) {
      BY_CODE[vr.code] = vr;
    }
  }

  /** Looks up the VR written as the two bytes {@code (b0 << 8) | b1}; empty for an unknown code. */
  public static Optional<Vr> ofCode(int twoBytes) {
    return Optional.ofNullable(BY_CODE[twoBytes & 0xFFFF]);
  }

  /** The VR whose two-letter name is {@code name}; empty when there is none. */
  public static Optional<Vr> ofName(String name) {
    if (name == null || name.length() != 2) {
      return Optional.empty();
    }
    return ofCode((name.charAt(0) << 8) | name.charAt(1));
  }

  /** Faster than {@link #ofCode} on the hot path: {@code null} for an unknown code. */
  static Vr byCodeOrNull(int twoBytes) {
    return BY_CODE[twoBytes & 0xFFFF];
  }

  /** The two ASCII bytes of this VR as an int, first byte in the high bits. */
  public int code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  /** PS3.5 7.1.2: OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV use 2 reserved bytes and a 32-bit length. */
  public boolean hasLongExplicitHeader() {
    return longExplicitHeader;
  }

  /** PS3.5 6.1.2.3: only SH, LO, UC, ST, LT, UT and PN are affected by the Specific Character Set. */
  public boolean isCharacterSetSensitive() {
    return characterSetSensitive;
  }

  /** Size in bytes of one value for byte swapping; 0 for text and sequences, 1 for OB/UN. */
  public int bytesPerValue() {
    return bytesPerValue;
  }

  public boolean isText() {
    return kind == Kind.TEXT;
  }

  public boolean isBulk() {
    return kind == Kind.BULK;
  }

  /** PS3.5 6.2: UI is padded with NUL, other text with a space, binary values with NUL. */
  public byte paddingByte() {
    return kind == Kind.TEXT && this != UI ? (byte) ' ' : 0;
  }
}
