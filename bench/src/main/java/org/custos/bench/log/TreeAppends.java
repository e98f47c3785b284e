package org.custos.bench.log;

import java.util.Arrays;
import org.custos.archive.index.ArchiveIndex;
import org.custos.ledger.InMemorySubtreeHashes;
import org.custos.ledger.SubtreeHashes;

/**
 * Raw tree appends: leaf hashes through {@code IndexSession.logTree().append} in one write
 * transaction per batch (what LogAppender does per entry, without the entry), and the in-memory
 * tree doing the same appends (the hashing alone: what the tree costs without a database).
 */
final class TreeAppends {
  private final SyntheticLeaves leaves = new SyntheticLeaves(1);

  /** One durable write transaction appending {@code count} leaves. */
  void sqliteBatch(ArchiveIndex index, int count) {
    index.write(session -> {
      SubtreeHashes tree = session.logTree();
      for (int i = 0; i < count; i++) {
        tree.append(leaves.next());
      }
      return null;
    });
  }

  /**
   * Leaves/s of {@link InMemorySubtreeHashes#append} (the store under an in-memory MerkleTree),
   * median of five fresh trees of {@code count} leaves after two discarded ones.
   */
  static double inMemoryPerSecond(int count) {
    SyntheticLeaves source = new SyntheticLeaves(2);
    double[] rates = new double[7];
    for (int round = 0; round < rates.length; round++) {
      InMemorySubtreeHashes tree = new InMemorySubtreeHashes();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        tree.append(source.next());
      }
      rates[round] = count / ((System.nanoTime() - start) / 1e9);
    }
    double[] kept = Arrays.copyOfRange(rates, 2, rates.length);
    Arrays.sort(kept);
    return kept[kept.length / 2];
  }
}
