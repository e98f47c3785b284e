package org.custos.crypto;

/**
 * Keyed, deterministic tokens for exact-match search over encrypted fields: HMAC-SHA256 (Tink
 * PRF) over a domain label and the value, so equal values give equal tokens and nothing else can
 * be learnt without the key. Callers normalise values first. Thread-safe.
 */
public final class BlindIndex {
  /** 32-byte token of {@code value} in {@code domain}. */
  public byte[] token(BlindIndexDomain domain, String value) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
