package org.custos.crypto;

import java.util.Objects;

/**
 * Names one version of a wrapping key: the provider's key id (e.g. {@code root}) and a version
 * that grows by one at every rotation. Recorded beside every wrapped key so that rotation knows
 * what still depends on an old version.
 */
public record KeyVersion(String keyId, int version) {
  public KeyVersion {
    Objects.requireNonNull(keyId, "keyId");
    if (!keyId.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("key id must be 1-64 of [a-z0-9._-], starting alphanumeric");
    }
    if (version < 1) {
      throw new IllegalArgumentException("key version must be >= 1, was " + version);
    }
  }

  @Override
  public String toString() {
    return keyId + "/v" + version;
  }
}
