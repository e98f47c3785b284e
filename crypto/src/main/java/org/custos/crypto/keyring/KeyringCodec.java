package org.custos.crypto.keyring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.custos.crypto.CryptoException;
import org.custos.crypto.keyring.KeyringDocument.RootVersion;
import org.custos.crypto.keyring.KeyringDocument.Sealing;

/**
 * Reads and writes {@link KeyringDocument} as JSON and checks its shape: the format name, a
 * sealing mode with its fields, versions strictly increasing, active ones with a keyset and
 * retired ones without, the newest one active. Errors name the field, never a value.
 */
final class KeyringCodec {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private KeyringCodec() {}

  static KeyringDocument read(Path path) {
    KeyringDocument document;
    try {
      document = JSON.readValue(Files.readAllBytes(path), KeyringDocument.class);
    } catch (NoSuchFileException e) {
      throw new CryptoException("keyring file does not exist: " + path);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new CryptoException("keyring file " + path + " is not valid keyring JSON" + where);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read keyring file " + path, e);
    }
    check(document, path);
    return document;
  }

  static byte[] encode(KeyringDocument document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("keyring document does not serialize", e);
    }
  }

  private static void check(KeyringDocument d, Path path) {
    String bad = "keyring file " + path + ": ";
    if (d == null || !KeyringDocument.FORMAT.equals(d.format())) {
      throw new CryptoException(bad + "format must be " + KeyringDocument.FORMAT);
    }
    if (d.keyringId() == null || !d.keyringId().matches("kr-[0-9a-f]{32}")) {
      throw new CryptoException(bad + "keyringId must be kr- and 32 hex digits");
    }
    checkSealing(d.sealing(), bad);
    List<RootVersion> versions = d.versions();
    if (versions == null || versions.isEmpty()) {
      throw new CryptoException(bad + "versions must not be empty");
    }
    int previous = 0;
    for (RootVersion v : versions) {
      if (v == null || v.version() <= previous) {
        throw new CryptoException(bad + "versions must be increasing numbers from 1");
      }
      previous = v.version();
      boolean retired = KeyringDocument.RETIRED.equals(v.status());
      if (!v.active() && !retired) {
        throw new CryptoException(bad + "version " + v.version() + " status must be active or retired");
      }
      if (v.active() != (v.keyset() != null) || retired != (v.retired() != null)) {
        throw new CryptoException(bad + "version " + v.version() + " must have a keyset exactly when active");
      }
      checkInstant(v.created(), bad + "version " + v.version() + " created");
      if (retired) {
        checkInstant(v.retired(), bad + "version " + v.version() + " retired");
      }
    }
    if (!versions.get(versions.size() - 1).active()) {
      throw new CryptoException(bad + "the newest version must be active");
    }
  }

  private static void checkSealing(Sealing s, String bad) {
    if (s == null) {
      throw new CryptoException(bad + "sealing is missing");
    }
    if (Sealing.ARGON2ID.equals(s.mode())) {
      if (s.salt() == null || s.salt().length < 16 || s.salt().length > 64) {
        throw new CryptoException(bad + "argon2id salt must be 16..64 bytes");
      }
      if (s.memoryKib() == null || s.iterations() == null || s.parallelism() == null) {
        throw new CryptoException(bad + "argon2id needs memoryKib, iterations and parallelism");
      }
      try {
        new Argon2idParameters(s.memoryKib(), s.iterations(), s.parallelism());
      } catch (IllegalArgumentException e) {
        throw new CryptoException(bad + e.getMessage());
      }
    } else if (!Sealing.KEY_FILE.equals(s.mode()) || s.salt() != null || s.memoryKib() != null) {
      throw new CryptoException(bad + "sealing mode must be argon2id or key-file (without KDF fields)");
    }
  }

  private static void checkInstant(String value, String what) {
    try {
      Instant.parse(value == null ? "" : value);
    } catch (DateTimeParseException e) {
      throw new CryptoException(what + " must be an ISO-8601 instant");
    }
  }
}
