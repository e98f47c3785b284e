package org.custos.ledger.receipt;

import java.util.List;
import java.util.Map;
import org.custos.ledger.InclusionProof;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.MerkleHashes;
import org.custos.ledger.json.Json;

/**
 * One log entry as a receipt (or a successors answer) carries it: its leaf index, its salt, the
 * entry object and the audit path of its leaf in the tree of the accompanying checkpoint. The entry
 * is validated as a {@link LogEntryView} and kept as an immutable deep copy in its member order.
 */
public record ReceiptEntry(long index, byte[] salt, Map<String, Object> entry, List<byte[]> proof) {
  @SuppressWarnings("unchecked")
  public ReceiptEntry {
    if (index < 0) {
      throw new IllegalArgumentException("a leaf index is >= 0, was " + index);
    }
    if (salt.length != LogLeaves.SALT_SIZE) {
      throw new IllegalArgumentException("a log entry salt is 32 bytes, was " + salt.length);
    }
    salt = salt.clone();
    entry = (Map<String, Object>) Json.parse(Json.write(entry, false));
    LogEntryView.of(entry);
    for (byte[] hash : proof) {
      if (hash.length != MerkleHashes.SIZE) {
        throw new IllegalArgumentException("a proof hash is 32 bytes, was " + hash.length);
      }
    }
    proof = proof.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public List<byte[]> proof() {
    return proof.stream().map(byte[]::clone).toList();
  }

  public LogEntryView view() {
    return LogEntryView.of(entry);
  }

  /** SHA-256(salt ‖ JCS(entry)): what the patient's next entry names as {@code prev}. */
  public byte[] entryHash() {
    return LogLeaves.entryHash(salt, view().canonical());
  }

  /** The RFC 9162 leaf hash of the entry hash. */
  public byte[] leafHash() {
    return LogLeaves.leafHash(entryHash());
  }

  /** The proof as an RFC 9162 inclusion proof in a tree of {@code treeSize} leaves. */
  public InclusionProof inclusionProof(long treeSize) {
    return new InclusionProof(index, treeSize, proof);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReceiptEntry e && e.index == index && java.util.Arrays.equals(e.salt, salt)
        && e.entry.equals(entry) && e.proof.size() == proof.size()
        && java.util.stream.IntStream.range(0, proof.size()).allMatch(i -> java.util.Arrays.equals(e.proof.get(i), proof.get(i)));
  }

  @Override
  public int hashCode() {
    return Long.hashCode(index) * 31 + java.util.Arrays.hashCode(salt);
  }

  @Override
  public String toString() {
    return "ReceiptEntry[" + index + "]"; // the entry holds UIDs
  }
}
