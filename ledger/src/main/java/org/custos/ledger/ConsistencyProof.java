package org.custos.ledger;

import java.util.List;

/** RFC 9162 2.1.4: proof that the tree of {@code secondSize} leaves extends the one of {@code firstSize}. */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {
  public ConsistencyProof {
    if (firstSize < 0 || firstSize > secondSize) {
      throw new IllegalArgumentException("consistency needs 0 <= first <= second, got " + firstSize + ", " + secondSize);
    }
    path = path.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).toList();
  }
}
