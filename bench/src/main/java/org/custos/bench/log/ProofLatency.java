package org.custos.bench.log;

import java.util.Map;
import java.util.SplittableRandom;
import org.custos.archive.index.ArchiveIndex;
import org.custos.ledger.ConsistencyProof;
import org.custos.ledger.InclusionProof;
import org.custos.ledger.MerkleTree;
import org.custos.ledger.ProofVerifier;

/**
 * Latency of proofs as the server will serve them: one read transaction per proof,
 * {@code index.read(s -> new MerkleTree(s.logTree()).inclusionProof(i, n))}. Timed three ways:
 * the whole call (taking a read connection, BEGIN, the proof, COMMIT), the proof alone inside the
 * transaction, and its verification with {@link ProofVerifier} against a root computed
 * independently in memory; after each proof a {@link CpuJob} of the warm-up's median proof length
 * is timed as the peer. Every proof must verify; failures are counted, not thrown, so that a run
 * shows how many.
 */
final class ProofLatency {
  record Result(Latencies call, Latencies inTransaction, Latencies verify, Latencies cpuPeer, int failures) {}

  /** Proof number k: made in its own read transaction (setting the proof's own nanos), then verified. */
  private interface Proofs<P> {
    P make(int k, long[] proofNanos);

    boolean verify(int k, P proof);
  }

  private ProofLatency() {}

  /** {@code count} proofs of random leaves in the tree of {@code size} leaves, after count/10 (at least 1,000) discarded. */
  static Result inclusion(ArchiveIndex index, long size, byte[] root, int count, SplittableRandom random) {
    Result warmUp = run(inclusions(index, size, root, Math.max(1000, count / 10), random), CpuJob.lasting(1));
    return run(inclusions(index, size, root, count, random), CpuJob.lasting(warmUp.inTransaction().p50Micros()));
  }

  /**
   * One consistency proof per pair {first, second}, each checked against the two roots, after the
   * same for {@code warmUpPairs} (discarded; other pairs, so the measured ones find no warmer cache).
   */
  static Result consistency(ArchiveIndex index, long[][] warmUpPairs, long[][] pairs, Map<Long, byte[]> roots) {
    Result warmUp = run(consistencies(index, warmUpPairs, roots), CpuJob.lasting(1));
    return run(consistencies(index, pairs, roots), CpuJob.lasting(warmUp.inTransaction().p50Micros()));
  }

  private record Run<P>(int count, Proofs<P> proofs) {}

  private static Run<InclusionProof> inclusions(ArchiveIndex index, long size, byte[] root, int count,
      SplittableRandom random) {
    long[] leaves = random.longs(count, 0, size).toArray();
    return new Run<>(count, new Proofs<>() {
      @Override
      public InclusionProof make(int k, long[] proofNanos) {
        return index.read(session -> {
          long begin = System.nanoTime();
          InclusionProof proof = new MerkleTree(session.logTree()).inclusionProof(leaves[k], size);
          proofNanos[0] = System.nanoTime() - begin;
          return proof;
        });
      }

      @Override
      public boolean verify(int k, InclusionProof proof) {
        return ProofVerifier.verifyInclusion(SyntheticLeaves.at(leaves[k]), proof, root);
      }
    });
  }

  private static Run<ConsistencyProof> consistencies(ArchiveIndex index, long[][] pairs, Map<Long, byte[]> roots) {
    return new Run<>(pairs.length, new Proofs<>() {
      @Override
      public ConsistencyProof make(int k, long[] proofNanos) {
        return index.read(session -> {
          long begin = System.nanoTime();
          ConsistencyProof proof = new MerkleTree(session.logTree()).consistencyProof(pairs[k][0], pairs[k][1]);
          proofNanos[0] = System.nanoTime() - begin;
          return proof;
        });
      }

      @Override
      public boolean verify(int k, ConsistencyProof proof) {
        return ProofVerifier.verifyConsistency(proof, roots.get(pairs[k][0]), roots.get(pairs[k][1]));
      }
    });
  }

  private static <P> Result run(Run<P> run, CpuJob peer) {
    int count = run.count();
    long[] call = new long[count];
    long[] inside = new long[count];
    long[] verify = new long[count];
    long[] cpu = new long[count];
    long[] proofNanos = new long[1];
    int failures = 0;
    for (int k = 0; k < count; k++) {
      long start = System.nanoTime();
      P proof = run.proofs().make(k, proofNanos);
      long made = System.nanoTime();
      boolean ok = run.proofs().verify(k, proof);
      verify[k] = System.nanoTime() - made;
      call[k] = made - start;
      inside[k] = proofNanos[0];
      failures += ok ? 0 : 1;
      cpu[k] = peer.timeNanos();
    }
    return new Result(Latencies.of(call), Latencies.of(inside), Latencies.of(verify), Latencies.of(cpu), failures);
  }
}
