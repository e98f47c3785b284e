package org.custos.ledger;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162 2.1 written as literally as possible over a list of entries: the reference the tree is checked against. */
final class NaiveMerkle {
  private NaiveMerkle() {}

  static byte[] mth(List<byte[]> d) {
    if (d.isEmpty()) {
      return MerkleHashes.empty();
    }
    if (d.size() == 1) {
      return MerkleHashes.leaf(d.get(0));
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return MerkleHashes.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  static List<byte[]> path(int m, List<byte[]> d) {
    List<byte[]> out = new ArrayList<>();
    if (d.size() <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(path(m - k, d.subList(k, d.size())));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  static List<byte[]> proof(int m, List<byte[]> d) {
    return m == 0 || m == d.size() ? List.of() : subproof(m, d, true);
  }

  private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    List<byte[]> out = new ArrayList<>();
    if (m == d.size()) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(subproof(m - k, d.subList(k, d.size()), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }
}
