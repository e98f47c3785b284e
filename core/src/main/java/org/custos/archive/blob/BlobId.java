package org.custos.archive.blob;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** A blob's name in its store: 128 random bits as 32 lowercase hex digits. Carries no PHI. */
public record BlobId(String value) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public BlobId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("blob id must be 32 lowercase hex digits");
    }
  }

  public static BlobId random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new BlobId(HexFormat.of().formatHex(bytes));
  }

  @Override
  public String toString() {
    return value;
  }
}
