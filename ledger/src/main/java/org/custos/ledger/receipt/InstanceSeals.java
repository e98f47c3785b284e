package org.custos.ledger.receipt;

import java.util.HexFormat;

/**
 * The three seals of a stored instance version (docs/formats/seals.md), as the log entry carries
 * them: SHA-256 of the stored bytes, of the pixel values ({@code pixelKind} says whether decoded or
 * encoded) and of the identifying elements. An instance without pixel data has kind {@code NONE}
 * and an empty {@code pixel}.
 */
public record InstanceSeals(byte[] stored, byte[] pixel, PixelKind pixelKind, byte[] identity) {
  public enum PixelKind { DECODED, ENCODED, NONE }

  public InstanceSeals {
    stored = requireHash(stored, "stored");
    if (pixelKind == PixelKind.NONE ? pixel.length != 0 : pixel.length != 32) {
      throw new IllegalArgumentException("the pixel seal is 32 bytes, or empty for kind NONE; was " + pixel.length
          + " bytes of kind " + pixelKind);
    }
    pixel = pixel.clone();
    identity = requireHash(identity, "identity");
  }

  private static byte[] requireHash(byte[] hash, String name) {
    if (hash.length != 32) {
      throw new IllegalArgumentException("the " + name + " seal is 32 bytes, was " + hash.length);
    }
    return hash.clone();
  }

  @Override
  public byte[] stored() {
    return stored.clone();
  }

  public boolean hasPixelSeal() {
    return pixelKind != PixelKind.NONE;
  }

  @Override
  public byte[] pixel() {
    return pixel.clone();
  }

  @Override
  public byte[] identity() {
    return identity.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceSeals s && java.util.Arrays.equals(stored, s.stored)
        && java.util.Arrays.equals(pixel, s.pixel) && pixelKind == s.pixelKind
        && java.util.Arrays.equals(identity, s.identity);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(stored) ^ java.util.Arrays.hashCode(pixel) ^ java.util.Arrays.hashCode(identity);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    String pixelText = hasPixelSeal() ? "pixel " + hex.formatHex(pixel) + " (" + pixelKind + ")" : "no pixel data";
    return "stored " + hex.formatHex(stored) + ", " + pixelText + ", identity " + hex.formatHex(identity);
  }
}
