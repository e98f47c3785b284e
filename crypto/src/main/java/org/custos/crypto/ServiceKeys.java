package org.custos.crypto;

/** Archive-wide keys that are not per patient: the blind-index PRF. Does not print itself. */
public final class ServiceKeys {
  /** HMAC-SHA256 blind indexes (through Tink's PRF), one key per archive. */
  public BlindIndex blindIndex() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
