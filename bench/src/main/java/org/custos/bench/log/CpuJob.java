package org.custos.bench.log;

import org.custos.ledger.MerkleHashes;

/**
 * The proofs' jitter peer: a job that only computes (chained SHA-256 node hashes, no I/O, no
 * locks), sized to last about as long as a median proof. Timed right after each proof, it shows
 * how much of a proof's tail latency the machine adds (preemption by other processes, GC, timer
 * interrupts) rather than the database. Not thread-safe.
 */
final class CpuJob {
  private final int hashes;
  private byte[] state = new byte[32];

  private CpuJob(int hashes) {
    this.hashes = hashes;
  }

  /** A job of about {@code micros} microseconds on this machine now (the fastest of five calibrations). */
  static CpuJob lasting(double micros) {
    CpuJob probe = new CpuJob(20_000);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      best = Math.min(best, probe.timeNanos());
    }
    double nanosPerHash = best / 20_000.0;
    return new CpuJob(Math.max(1, (int) Math.round(micros * 1e3 / nanosPerHash)));
  }

  int hashes() {
    return hashes;
  }

  long timeNanos() {
    long start = System.nanoTime();
    for (int i = 0; i < hashes; i++) {
      state = MerkleHashes.node(state, state);
    }
    return System.nanoTime() - start;
  }
}
