package org.custos.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.custos.ledger.NoteKey;

/** The log key checkpoints and receipts are checked against, and whether the user supplied it. */
record TrustedKey(NoteKey key, boolean fromReceipt) {
  /** SHA-256 of the 32-byte public key, in hex: what a user compares against a published fingerprint. */
  String keyHash() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.publicKey()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks SHA-256", e);
    }
  }
}
