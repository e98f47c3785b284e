package org.custos.crypto;

import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Keyed, deterministic tokens for exact-match search over encrypted fields: HMAC-SHA256 (Tink
 * PRF) over a domain label and the value, so equal values give equal tokens and nothing else can
 * be learnt without the key. Callers normalise values first. Thread-safe.
 *
 * <p>Token = HMAC-SHA256(key, UTF-8(domain.name()) || 0x00 || UTF-8(value)) (RFC 2104, through
 * Tink's PRF primitive, https://developers.google.com/tink/prf). Domain names contain no NUL, so
 * the input is unambiguous and each domain has its own tokens. The enum constant names are part
 * of the stored format: renaming one changes every token of that domain.
 *
 * <p>Does not hide equality (that is its purpose) nor value frequency within a domain.
 */
public final class BlindIndex {
  static final int TOKEN_BYTES = 32;
  private final PrfSet prf;

  BlindIndex(PrfSet prf) {
    this.prf = Objects.requireNonNull(prf, "prf");
  }

  /** 32-byte token of {@code value} in {@code domain}. */
  public byte[] token(BlindIndexDomain domain, String value) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(value, "value");
    byte[] label = domain.name().getBytes(StandardCharsets.UTF_8);
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[label.length + 1 + text.length];
    System.arraycopy(label, 0, input, 0, label.length);
    System.arraycopy(text, 0, input, label.length + 1, text.length);
    try {
      return prf.computePrimary(input, TOKEN_BYTES);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("blind index PRF failed", e);
    }
  }

  @Override
  public String toString() {
    return "BlindIndex[redacted]";
  }
}
