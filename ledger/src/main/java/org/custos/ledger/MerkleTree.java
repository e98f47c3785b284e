package org.custos.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 tree over stored complete-subtree hashes: append, root of any size up to the
 * current one, inclusion and consistency proofs (section 2.1.3.1, 2.1.4.1). The hash of any range
 * the RFC's recursion visits decomposes into at most log2(n) stored complete subtrees, so a root
 * costs O(log n) reads and a proof O(log^2 n). Thread-safety is that of the {@link SubtreeHashes}.
 */
public final class MerkleTree {
  private final SubtreeHashes hashes;

  public MerkleTree(SubtreeHashes hashes) {
    this.hashes = hashes;
  }

  public long size() {
    return hashes.size();
  }

  /** Appends an entry; returns its leaf index. */
  public long append(byte[] entry) {
    long index = hashes.size();
    hashes.append(MerkleHashes.leaf(entry));
    return index;
  }

  /** MTH of the first {@code size} leaves. */
  public byte[] root(long size) {
    requireSize(size);
    return size == 0 ? MerkleHashes.empty() : hash(0, size);
  }

  public InclusionProof inclusionProof(long leafIndex, long size) {
    requireSize(size);
    List<byte[]> path = new ArrayList<>();
    path(leafIndex, 0, size, path);
    return new InclusionProof(leafIndex, size, path);
  }

  public ConsistencyProof consistencyProof(long firstSize, long secondSize) {
    requireSize(secondSize);
    List<byte[]> path = new ArrayList<>();
    if (firstSize > 0 && firstSize < secondSize) {
      subproof(firstSize, 0, secondSize, true, path);
    }
    return new ConsistencyProof(firstSize, secondSize, path);
  }

  // RFC 9162 2.1.3.1: PATH(m, D[n]), leaves [begin, end).
  private void path(long m, long begin, long end, List<byte[]> out) {
    if (end - begin == 1) {
      return;
    }
    long k = MerkleHashes.split(end - begin);
    if (m < begin + k) {
      path(m, begin, begin + k, out);
      out.add(hash(begin + k, end));
    } else {
      path(m, begin + k, end, out);
      out.add(hash(begin, begin + k));
    }
  }

  // RFC 9162 2.1.4.1: SUBPROOF(m, D[n], b), m leaves of [begin, end).
  private void subproof(long m, long begin, long end, boolean complete, List<byte[]> out) {
    long n = end - begin;
    if (m == n) {
      if (!complete) {
        out.add(hash(begin, end));
      }
      return;
    }
    long k = MerkleHashes.split(n);
    if (m <= k) {
      subproof(m, begin, begin + k, complete, out);
      out.add(hash(begin + k, end));
    } else {
      subproof(m - k, begin + k, end, false, out);
      out.add(hash(begin, begin + k));
    }
  }

  /** MTH(D[begin:end]) for a range the recursion visits: begin is aligned to the largest split. */
  private byte[] hash(long begin, long end) {
    long n = end - begin;
    if (Long.bitCount(n) == 1 && begin % n == 0) {
      return hashes.get(Long.numberOfTrailingZeros(n), begin / n);
    }
    long k = MerkleHashes.split(n);
    return MerkleHashes.node(hash(begin, begin + k), hash(begin + k, end));
  }

  private void requireSize(long size) {
    if (size < 0 || size > hashes.size()) {
      throw new IllegalArgumentException("tree size " + size + " is outside 0.." + hashes.size());
    }
  }
}
