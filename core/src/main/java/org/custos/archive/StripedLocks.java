package org.custos.archive;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks chosen by a key's hash: ingests touching the same patient or the same SOP
 * Instance UID are serialised (one patient key, one version sequence per instance) while others
 * proceed in parallel. Within one process only; several nodes on PostgreSQL rely on the index's
 * unique constraints, and a lost race surfaces as a StorageException the sender retries.
 */
public final class StripedLocks {
  private final ReentrantLock[] locks;

  /** Held locks; closing releases them. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  public StripedLocks(int stripes) {
    locks = new ReentrantLock[stripes];
    for (int i = 0; i < stripes; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Locks the stripes of both keys, always in stripe order so that two callers never deadlock. */
  public Held lock(byte[] first, byte[] second) {
    int a = stripe(first);
    int b = stripe(second);
    ReentrantLock low = locks[Math.min(a, b)];
    ReentrantLock high = locks[Math.max(a, b)];
    low.lock();
    if (high != low) {
      high.lock();
    }
    return () -> {
      if (high != low) {
        high.unlock();
      }
      low.unlock();
    };
  }

  private int stripe(byte[] key) {
    return Math.floorMod(Arrays.hashCode(key), locks.length);
  }
}
