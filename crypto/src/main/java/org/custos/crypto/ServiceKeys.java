package org.custos.crypto;

import java.util.Objects;

/**
 * Archive-wide keys that are not per patient: the blind-index PRF. Does not print itself.
 * Obtained from {@link KeyHierarchy#openServiceKeys}; thread-safe.
 */
public final class ServiceKeys {
  private final BlindIndex blindIndex;

  ServiceKeys(BlindIndex blindIndex) {
    this.blindIndex = Objects.requireNonNull(blindIndex, "blindIndex");
  }

  /** HMAC-SHA256 blind indexes (through Tink's PRF), one key per archive. */
  public BlindIndex blindIndex() {
    return blindIndex;
  }

  @Override
  public String toString() {
    return "ServiceKeys[redacted]";
  }
}
