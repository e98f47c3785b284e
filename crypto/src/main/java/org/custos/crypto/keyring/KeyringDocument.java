package org.custos.crypto.keyring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The keyring file as JSON (docs/formats/blob.md, "Keyring file"). Byte arrays are base64.
 * Validated by {@link KeyringCodec}; internal.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record KeyringDocument(String format, String keyringId, Sealing sealing, List<RootVersion> versions) {
  static final String FORMAT = "custos-keyring/1";
  static final String ACTIVE = "active";
  static final String RETIRED = "retired";

  KeyringDocument {
    versions = versions == null ? null : List.copyOf(versions);
  }

  /**
   * How the key-encryption key is obtained: {@code argon2id} (passphrase, with salt and cost) or
   * {@code key-file} (32 random bytes in a file of mode 0600; no other fields).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Sealing(String mode, byte[] salt, Integer memoryKib, Integer iterations, Integer parallelism) {
    static final String ARGON2ID = "argon2id";
    static final String KEY_FILE = "key-file";

    static Sealing argon2id(byte[] salt, Argon2idParameters cost) {
      return new Sealing(ARGON2ID, salt.clone(), cost.memoryKib(), cost.iterations(), cost.parallelism());
    }

    static Sealing keyFile() {
      return new Sealing(KEY_FILE, null, null, null, null);
    }
  }

  /**
   * One root version: an active one holds its Tink AES256_GCM keyset sealed under the KEK; a
   * retired one keeps only its number and dates, so version numbers are never reused.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RootVersion(int version, String status, String created, String retired, byte[] keyset) {
    boolean active() {
      return ACTIVE.equals(status);
    }
  }
}
