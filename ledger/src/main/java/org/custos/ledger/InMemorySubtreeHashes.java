package org.custos.ledger;

import java.util.ArrayList;
import java.util.List;

/** {@link SubtreeHashes} in lists, one per level. Not thread-safe. */
public final class InMemorySubtreeHashes implements SubtreeHashes {
  private final List<List<byte[]>> levels = new ArrayList<>();

  @Override
  public long size() {
    return levels.isEmpty() ? 0 : levels.get(0).size();
  }

  @Override
  public byte[] get(int level, long index) {
    return levels.get(level).get(Math.toIntExact(index)).clone();
  }

  @Override
  public void append(byte[] leafHash) {
    byte[] hash = leafHash.clone();
    int level = 0;
    while (true) {
      if (levels.size() == level) {
        levels.add(new ArrayList<>());
      }
      List<byte[]> nodes = levels.get(level);
      nodes.add(hash);
      if (nodes.size() % 2 != 0) {
        return;
      }
      hash = MerkleHashes.node(nodes.get(nodes.size() - 2), hash);
      level++;
    }
  }
}
