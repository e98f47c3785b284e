package org.custos.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Key material encrypted under another key: which key and version wrapped it, and the
 * ciphertext. Safe to store; prints only the wrapping key.
 */
public record WrappedKey(KeyVersion wrappedBy, byte[] ciphertext) {
  public WrappedKey {
    Objects.requireNonNull(wrappedBy, "wrappedBy");
    ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    if (ciphertext.length == 0) {
      throw new IllegalArgumentException("wrapped key ciphertext is empty");
    }
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedKey w && w.wrappedBy.equals(wrappedBy) && Arrays.equals(w.ciphertext, ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * wrappedBy.hashCode() + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "WrappedKey[" + wrappedBy + ", " + ciphertext.length + " bytes]";
  }
}
