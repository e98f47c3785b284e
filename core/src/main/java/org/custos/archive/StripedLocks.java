package org.custos.archive;

import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixed set of locks chosen by a key's hash: ingests touching the same patient or the same SOP
 * Instance UID are serialised (one patient key, one version sequence per instance) while others
 * proceed in parallel. Within one process only; several nodes on PostgreSQL rely on the index's
 * unique constraints, and a lost race surfaces as a StorageException the sender retries.
 *
 * <p>The locks are binary semaphores, not thread-owned locks: a staged ingest is locked on the
 * request's thread and released by the thread that finishes it. They are not reentrant: a thread
 * must not stage a second instance of a stripe it still holds unless another thread finishes the
 * first (STOW-RS does exactly that: its finishing threads never wait for the request's thread).
 */
public final class StripedLocks {
  private final Semaphore[] locks;

  /** Held locks; closing releases them. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  public StripedLocks(int stripes) {
    locks = new Semaphore[stripes];
    for (int i = 0; i < stripes; i++) {
      locks[i] = new Semaphore(1);
    }
  }

  /** Locks the stripes of both keys, always in stripe order so that two callers never deadlock. */
  public Held lock(byte[] first, byte[] second) {
    int a = stripe(first);
    int b = stripe(second);
    Semaphore low = locks[Math.min(a, b)];
    Semaphore high = locks[Math.max(a, b)];
    low.acquireUninterruptibly();
    if (high != low) {
      high.acquireUninterruptibly();
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        if (high != low) {
          high.release();
        }
        low.release();
      }
    };
  }

  private int stripe(byte[] key) {
    return Math.floorMod(Arrays.hashCode(key), locks.length);
  }
}
