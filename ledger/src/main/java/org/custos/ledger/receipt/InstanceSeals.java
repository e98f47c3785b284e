package org.custos.ledger.receipt;

import java.util.HexFormat;

/**
 * The three seals of a stored instance version (docs/formats/seals.md), as the log entry carries
 * them: SHA-256 of the stored bytes, of the pixel values ({@code pixelKind} says whether decoded,
 * encoded or absent) and of the identifying elements.
 */
public record InstanceSeals(byte[] stored, byte[] pixel, PixelKind pixelKind, byte[] identity) {
  public enum PixelKind { DECODED, ENCODED, NONE }

  public InstanceSeals {
    stored = requireHash(stored, "stored");
    pixel = requireHash(pixel, "pixel");
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
    return "stored " + hex.formatHex(stored) + ", pixel " + hex.formatHex(pixel) + " (" + pixelKind
        + "), identity " + hex.formatHex(identity);
  }
}
