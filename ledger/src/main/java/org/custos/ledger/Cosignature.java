package org.custos.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.OptionalLong;

/**
 * C2SP tlog-cosignature v1 with Ed25519: a witness's timestamped statement that, as of that time,
 * the checkpoint is the largest consistent tree head it has seen for the log. The signature line's
 * bytes are the 8-byte big-endian POSIX timestamp followed by the Ed25519 signature of
 * {@code "cosignature/v1\ntime <timestamp>\n" ‖ checkpoint note text} (the whole text, extension
 * lines included). Stateless; verification never throws for a bad signature.
 */
public final class Cosignature {
  private static final int SIZE = Long.BYTES + Ed25519Keys.SIGNATURE_SIZE;

  private Cosignature() {}

  /** The message a witness signs: the header and time lines, then the checkpoint text. */
  public static byte[] signedMessage(long timestamp, String checkpointText) {
    requireTimestamp(timestamp);
    return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Cosigns {@code checkpointText} (the note text, ending in a newline) as the witness {@code name}
   * holding {@code privateKey} (JDK Ed25519) at {@code timestamp} (POSIX seconds, 0..2^63 − 1).
   */
  public static NoteSignature sign(PrivateKey privateKey, String name, long timestamp, String checkpointText) {
    NoteKey.requireName(name);
    byte[] signature = Ed25519Keys.sign(privateKey, signedMessage(timestamp, checkpointText));
    int keyId = Ed25519Keys.keyId(name, WitnessKey.COSIGNATURE_V1, Ed25519Keys.publicKeyOf(privateKey));
    return new NoteSignature(name, keyId, ByteBuffer.allocate(SIZE).putLong(timestamp).put(signature).array());
  }

  /** The timestamp of {@code signature} if it is {@code witness}'s valid cosignature of {@code checkpointText}. */
  public static OptionalLong verify(WitnessKey witness, String checkpointText, NoteSignature signature) {
    byte[] bytes = signature.signature();
    if (!witness.names(signature) || bytes.length != SIZE) {
      return OptionalLong.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long timestamp = buffer.getLong();
    if (timestamp < 0) {
      return OptionalLong.empty();
    }
    byte[] ed25519 = new byte[Ed25519Keys.SIGNATURE_SIZE];
    buffer.get(ed25519);
    return Ed25519Keys.verify(witness.publicKey(), signedMessage(timestamp, checkpointText), ed25519)
        ? OptionalLong.of(timestamp) : OptionalLong.empty();
  }

  /** The timestamp of {@code witness}'s valid cosignature among the note's signature lines, if any. */
  public static OptionalLong verify(WitnessKey witness, SignedNote note) {
    for (NoteSignature signature : note.signatures()) {
      OptionalLong timestamp = verify(witness, note.text(), signature);
      if (timestamp.isPresent()) {
        return timestamp;
      }
    }
    return OptionalLong.empty();
  }

  /** As {@link #verify(WitnessKey, SignedNote)} for a witness given as a verifier key string. */
  public static OptionalLong verify(String witnessVerifierKey, SignedNote note) {
    return verify(WitnessKey.parse(witnessVerifierKey), note);
  }

  private static void requireTimestamp(long timestamp) {
    if (timestamp < 0) {
      throw new IllegalArgumentException("a cosignature timestamp is 0..2^63-1, was " + timestamp);
    }
  }
}
