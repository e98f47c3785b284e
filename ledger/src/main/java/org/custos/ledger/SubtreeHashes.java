package org.custos.ledger;

/**
 * Storage of the hashes of complete subtrees: the node at {@code level} (0 = leaves) and
 * {@code index} covers leaves [index · 2^level, (index + 1) · 2^level). Only nodes whose subtree
 * is complete are ever stored, and a stored node never changes. Implementations: in memory, and
 * the index databases (a later change).
 */
public interface SubtreeHashes {
  /** The number of leaves appended so far. */
  long size();

  /** The stored hash; the node must be complete within {@link #size()}. */
  byte[] get(int level, long index);

  /** Appends a leaf hash and stores every subtree it completes (O(log n) writes). */
  void append(byte[] leafHash);
}
