package org.custos.archive.index;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One API key as the index keeps it: its public id, a label, its scopes, when it was created,
 * expires and was revoked, and a keyed hash of its secret (never the secret). Nothing here is PHI:
 * the label is chosen by an administrator (docs tell them not to put names of patients in it).
 */
public record ApiKeyRow(
    String keyId,
    String name,
    Set<String> scopes,
    byte[] secretHash,
    Instant created,
    Optional<Instant> expires,
    Optional<Instant> revoked) {

  public ApiKeyRow {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(revoked, "revoked");
    if (!keyId.matches("[0-9a-f]{16}")) {
      throw new IllegalArgumentException("an API key id is 16 lower-case hex digits");
    }
    if (name.length() > 64 || !name.matches("[\\p{Print}&&[^\\p{Cntrl}]]*")) {
      throw new IllegalArgumentException("an API key name is at most 64 printable characters, was " + name.length());
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("an API key has at least one scope");
    }
    for (String scope : scopes) {
      if (!scope.matches("[a-z][a-z0-9._-]{0,63}")) {
        throw new IllegalArgumentException("a scope is 1-64 of [a-z0-9._-] starting with a letter");
      }
    }
    scopes = java.util.Collections.unmodifiableSet(new TreeSet<>(scopes));
    if (secretHash.length != 32) {
      throw new IllegalArgumentException("the secret hash is 32 bytes, was " + secretHash.length);
    }
    secretHash = secretHash.clone();
  }

  @Override
  public byte[] secretHash() {
    return secretHash.clone();
  }

  /** Usable at {@code now}: neither revoked nor past its expiry. */
  public boolean activeAt(Instant now) {
    return revoked.isEmpty() && expires.map(now::isBefore).orElse(true);
  }

  @Override
  public String toString() {
    return "ApiKeyRow[" + keyId + ", scopes=" + scopes + (revoked.isPresent() ? ", revoked" : "") + "]";
  }
}
