package org.custos.bench.log;

import org.custos.ledger.MerkleHashes;

/**
 * The roots of the perfect subtrees that make up a tree of any size (at most 64), enough for the
 * RFC 9162 root of the current size in O(log n) hashes. The benchmark's independent source of
 * roots: proofs read from SQLite are verified against these, not against roots read from the same
 * tables. Not thread-safe.
 */
final class CompactRange {
  private final byte[][] subtrees = new byte[64][];
  private int count;
  private long size;

  long size() {
    return size;
  }

  void append(byte[] leafHash) {
    byte[] hash = leafHash;
    for (long s = size; (s & 1) == 1; s >>= 1) {
      hash = MerkleHashes.node(subtrees[--count], hash);
    }
    subtrees[count++] = hash;
    size++;
  }

  /** MTH of the leaves so far: the subtrees, largest first, folded from the right (RFC 9162 2.1.1). */
  byte[] root() {
    if (count == 0) {
      return MerkleHashes.empty();
    }
    byte[] root = subtrees[count - 1];
    for (int i = count - 2; i >= 0; i--) {
      root = MerkleHashes.node(subtrees[i], root);
    }
    return root;
  }
}
