package org.custos.dicom;

import java.util.Arrays;

/**
 * The 128-byte preamble of a PS3.10 file and what it holds. PS3.10 7.1 lets applications put
 * anything there; attackers use it to make a file that is both valid DICOM and an executable or
 * archive (a "polyglot", DESIGN.md T7). The parser accepts such files but classifies the preamble
 * so that ingest can zero it.
 */
public final class Preamble {
  /** What a preamble contains. */
  public enum Kind {
    /** All 128 bytes zero: the normal case. */
    ZERO,
    /** A TIFF header (PS3.10 7.1 dual-format files): legitimate, may be kept. */
    TIFF,
    /** A Windows PE/DOS ("MZ"), ELF, Mach-O, shell script ("#!") or ZIP/JAR header: a polyglot. */
    EXECUTABLE,
    /** Non-zero bytes of no known format. */
    OTHER
  }

  public static final int LENGTH = 128;
  private final byte[] bytes;
  private final Kind kind;

  private Preamble(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("preamble must be 128 bytes, got " + bytes.length);
    }
    this.bytes = bytes;
    this.kind = classify(bytes);
  }

  public static Preamble of(byte[] bytes) {
    return new Preamble(bytes.clone());
  }

  private static final Preamble ZERO = new Preamble(new byte[LENGTH]);

  public static Preamble zero() {
    return ZERO;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public Kind kind() {
    return kind;
  }

  /** True when ingest should zero this preamble: anything but all-zero or a TIFF header. */
  public boolean shouldBeZeroed() {
    return kind == Kind.EXECUTABLE || kind == Kind.OTHER;
  }

  private static Kind classify(byte[] b) {
    boolean allZero = true;
    for (byte x : b) {
      if (x != 0) {
        allZero = false;
        break;
      }
    }
    if (allZero) {
      return Kind.ZERO;
    }
    if (startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A)) {
      return Kind.TIFF;
    }
    if (startsWith(b, 'M', 'Z') || startsWith(b, 0x7F, 'E', 'L', 'F') || startsWith(b, '#', '!')
        || startsWith(b, 'P', 'K', 0x03, 0x04) || startsWith(b, 0xCF, 0xFA, 0xED, 0xFE)
        || startsWith(b, 0xFE, 0xED, 0xFA, 0xCF) || startsWith(b, 0xCA, 0xFE, 0xBA, 0xBE)) {
      return Kind.EXECUTABLE;
    }
    return Kind.OTHER;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Preamble other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Preamble[" + kind + "]";
  }
}
