package org.custos.archive.principals;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.archive.ArchiveContext;
import org.custos.archive.NotFoundException;
import org.custos.archive.index.ApiKeyRow;
import org.custos.crypto.BlindIndexDomain;

/**
 * API keys: {@code cst_<id>_<secret>}, a 16-hex-digit public id and a 256-bit random secret (64
 * hex digits). The index keeps the id, a label, the scopes, the times and HMAC-SHA256 of the
 * secret under the archive's blind-index key ({@link BlindIndexDomain#API_KEY_SECRET}) — a pepper
 * that lives under the root key, not in the database, so a stolen database cannot even confirm a
 * guess. A slow password hash (Argon2id) buys nothing for a 256-bit random secret and would cost
 * every request tens of milliseconds.
 *
 * <p>Checks compare hashes in constant time and hash something even for an unknown id, so the
 * timing tells nothing about which ids exist. Revocation takes effect at the next request (no
 * cache). Thread-safe.
 */
public final class ApiKeys {
  public static final String PREFIX = "cst_";
  private static final Pattern TOKEN = Pattern.compile("cst_([0-9a-f]{16})_([0-9a-f]{64})");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final ArchiveContext context;

  public ApiKeys(ArchiveContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * Creates a key with these scopes, valid for {@code validity} if given (else until revoked).
   * The returned token is the only copy of the secret.
   */
  public NewApiKey create(String name, Set<String> scopes, Optional<Duration> validity) {
    validity.ifPresent(d -> {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("an API key's validity must be positive, was " + d);
      }
    });
    String keyId = HEX.formatHex(random(8));
    String secret = HEX.formatHex(random(32));
    Instant now = context.clock().instant();
    ApiKeyRow row = new ApiKeyRow(keyId, name, scopes, hash(keyId, secret), now, validity.map(now::plus),
        Optional.empty());
    context.index().write(session -> {
      session.insertApiKey(row);
      return null;
    });
    return new NewApiKey(row, PREFIX + keyId + "_" + secret);
  }

  /** Checks a presented token; never throws for a bad token. */
  public ApiKeyCheck check(String presented) {
    Matcher m = TOKEN.matcher(presented);
    if (!m.matches()) {
      return new ApiKeyCheck.Refused(ApiKeyCheck.Refusal.INVALID);
    }
    String keyId = m.group(1);
    byte[] presentedHash = hash(keyId, m.group(2));
    Optional<ApiKeyRow> row = context.index().read(session -> session.apiKey(keyId));
    // Compare against something even when the id is unknown, so both paths cost the same.
    byte[] expected = row.map(ApiKeyRow::secretHash).orElseGet(() -> new byte[presentedHash.length]);
    boolean matches = MessageDigest.isEqual(presentedHash, expected) && row.isPresent();
    if (!matches) {
      return new ApiKeyCheck.Refused(ApiKeyCheck.Refusal.INVALID);
    }
    ApiKeyRow key = row.get();
    if (key.revoked().isPresent()) {
      return new ApiKeyCheck.Refused(ApiKeyCheck.Refusal.REVOKED);
    }
    if (!key.activeAt(context.clock().instant())) {
      return new ApiKeyCheck.Refused(ApiKeyCheck.Refusal.EXPIRED);
    }
    return new ApiKeyCheck.Accepted(key);
  }

  public List<ApiKeyRow> list() {
    return context.index().read(session -> session.apiKeys());
  }

  /**
   * Revokes a key from now on.
   *
   * @throws NotFoundException when there is no such key or it was revoked already
   */
  public Instant revoke(String keyId) {
    Instant now = context.clock().instant();
    boolean revoked = context.index().write(session -> session.revokeApiKey(keyId, now));
    if (!revoked) {
      throw new NotFoundException("no active API key " + keyId.replaceAll("[^0-9a-zA-Z]", "?"));
    }
    return now;
  }

  private byte[] hash(String keyId, String secret) {
    return context.keys().token(BlindIndexDomain.API_KEY_SECRET, keyId + ":" + secret);
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }
}
