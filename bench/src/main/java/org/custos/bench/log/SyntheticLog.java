package org.custos.bench.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.custos.archive.index.ArchiveIndex;
import org.custos.ledger.SubtreeHashes;

/**
 * A large log of {@link SyntheticLeaves#at} leaves: built in SQLite through the index port in big
 * transactions, and its roots at chosen sizes computed in memory with a {@link CompactRange}
 * (the independent reference the proofs are checked against, and the build's in-memory peer).
 */
final class SyntheticLog {
  private SyntheticLog() {}

  /** Roots of the synthetic log at each of {@code sortedSizes} (distinct, 1..leaves). */
  static Map<Long, byte[]> roots(long leaves, long[] sortedSizes) {
    CompactRange range = new CompactRange();
    Map<Long, byte[]> roots = new HashMap<>();
    int next = 0;
    for (long i = 0; i < leaves; i++) {
      range.append(SyntheticLeaves.at(i));
      while (next < sortedSizes.length && sortedSizes[next] == range.size()) {
        roots.put(sortedSizes[next++], range.root());
      }
    }
    return roots;
  }

  /**
   * Appends leaves 0..leaves-1 to an empty log, {@code batch} per durable write transaction.
   * Returns the leaves/s of each tenth of the log (at least one batch each), so that a slow-down
   * as the tables outgrow the caches shows.
   */
  static double[] build(ArchiveIndex index, long leaves, int batch, Consumer<String> progress) {
    long existing = index.read(session -> session.logTree().size());
    if (existing != 0) {
      throw new IllegalStateException("the synthetic log needs an empty log, found " + existing + " leaves");
    }
    long segment = Math.max(batch, (leaves + 9) / 10);
    List<Double> rates = new ArrayList<>();
    long segmentStart = System.nanoTime();
    long segmentLeaves = 0;
    long done = 0;
    while (done < leaves) {
      long from = done;
      int count = (int) Math.min(batch, leaves - done);
      index.write(session -> {
        SubtreeHashes tree = session.logTree();
        for (int k = 0; k < count; k++) {
          tree.append(SyntheticLeaves.at(from + k));
        }
        return null;
      });
      done += count;
      segmentLeaves += count;
      if (segmentLeaves >= segment || done == leaves) {
        long now = System.nanoTime();
        rates.add(segmentLeaves / ((now - segmentStart) / 1e9));
        segmentStart = now;
        segmentLeaves = 0;
        progress.accept(String.format(Locale.ROOT, "built %,d of %,d leaves", done, leaves));
      }
    }
    return rates.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
