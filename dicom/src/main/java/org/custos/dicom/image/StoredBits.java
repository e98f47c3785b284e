package org.custos.dicom.image;

/**
 * Extracts a stored value from its container (PS3.5 8.1.1, PS3.5 D): bits High Bit down to
 * High Bit - Bits Stored + 1 hold the value; the bits around it may hold anything (overlays in
 * old files, garbage) and are discarded; Pixel Representation 1 sign-extends from the top
 * stored bit.
 */
final class StoredBits {
  private final int leftShift;
  private final int rightShift;
  private final boolean signed;

  private StoredBits(int bitsStored, int highBit, boolean signed) {
    this.leftShift = 31 - highBit;
    this.rightShift = 32 - bitsStored;
    this.signed = signed;
  }

  static StoredBits of(PixelDescription description) {
    return new StoredBits(description.bitsStored(), description.highBit(), description.signed());
  }

  /** The stored value of a container holding {@code raw} (its bits, zero-extended to 32). */
  int apply(int raw) {
    int aligned = raw << leftShift;
    return signed ? aligned >> rightShift : aligned >>> rightShift;
  }

  /** Applies {@link #apply} to every element, in place. */
  int[] applyAll(int[] raw) {
    for (int i = 0; i < raw.length; i++) {
      raw[i] = apply(raw[i]);
    }
    return raw;
  }
}
