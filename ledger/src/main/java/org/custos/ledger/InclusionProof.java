package org.custos.ledger;

import java.util.List;

/** RFC 9162 2.1.3: the audit path of leaf {@code leafIndex} in the tree of {@code treeSize} leaves. */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {
  public InclusionProof {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException("leaf index " + leafIndex + " is outside a tree of " + treeSize);
    }
    path = path.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).toList();
  }
}
