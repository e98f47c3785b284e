package org.custos.bench.log;

import java.util.function.IntConsumer;

/** Leaves appended in a measured time. */
record Rate(long leaves, double seconds) {
  double perSecond() {
    return leaves / seconds;
  }

  /**
   * Runs {@code batch}-sized units of work for {@code warmUpSeconds} (discarded: JIT, caches),
   * then for {@code seconds}, and returns the second part. Bounded by time, not count, so that
   * the slow fsync-per-leaf case and the fast ones take the same wall-clock budget.
   */
  static Rate measure(int batch, double warmUpSeconds, double seconds, IntConsumer work) {
    run(batch, warmUpSeconds, work);
    return run(batch, seconds, work);
  }

  private static Rate run(int batch, double seconds, IntConsumer work) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long leaves = 0;
    do {
      work.accept(batch);
      leaves += batch;
    } while (System.nanoTime() < deadline);
    return new Rate(leaves, (System.nanoTime() - start) / 1e9);
  }
}
