package org.custos.archive.seal;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The three SHA-256 seals of one stored instance version. {@code pixel} is empty when the
 * instance has no pixel data ({@link PixelSealKind#NONE}).
 */
public record Seals(byte[] stored, Optional<byte[]> pixel, PixelSealKind pixelKind, byte[] identity) {
  public Seals {
    stored = requireDigest(stored, "stored");
    identity = requireDigest(identity, "identity");
    pixel = Objects.requireNonNull(pixel, "pixel").map(p -> requireDigest(p, "pixel"));
    Objects.requireNonNull(pixelKind, "pixelKind");
    if (pixel.isPresent() == (pixelKind == PixelSealKind.NONE)) {
      throw new IllegalArgumentException("a pixel seal is present exactly when its kind is not NONE");
    }
  }

  private static byte[] requireDigest(byte[] digest, String name) {
    Objects.requireNonNull(digest, name);
    if (digest.length != 32) {
      throw new IllegalArgumentException(name + " seal must be 32 bytes, was " + digest.length);
    }
    return digest.clone();
  }

  @Override
  public byte[] stored() {
    return stored.clone();
  }

  @Override
  public byte[] identity() {
    return identity.clone();
  }

  @Override
  public Optional<byte[]> pixel() {
    return pixel.map(byte[]::clone);
  }

  public String storedHex() {
    return HexFormat.of().formatHex(stored);
  }

  @Override
  public String toString() {
    return "Seals[stored=" + storedHex() + ", pixel=" + pixelKind + ", identity=" + HexFormat.of().formatHex(identity) + "]";
  }
}
