package org.custos.archive.ingest;

import org.custos.archive.StripedLocks;

/**
 * An instance read to its end and encrypted into an uncommitted blob, holding its ingest locks
 * ({@link Ingestor#stage}). Exactly one of {@link #finish()} and {@link #abandon()} must follow,
 * on any thread; both release the locks. Until then nothing of the instance is durable or visible.
 */
public final class StagedIngest {
  /** The rest of an ingest. */
  interface Completion {
    IngestReceipt finish();

    void abandon();

    /** An instance whose bytes were already stored: nothing left to do. */
    static Completion done(IngestReceipt receipt) {
      return new Completion() {
        @Override
        public IngestReceipt finish() {
          return receipt;
        }

        @Override
        public void abandon() {}
      };
    }
  }

  private final Completion completion;
  private final StripedLocks.Held locks;
  private boolean ended;

  StagedIngest(Completion completion, StripedLocks.Held locks) {
    this.completion = completion;
    this.locks = locks;
  }

  /**
   * Commits the blob (durable), seals the pixels and records the instance in one index
   * transaction; returns only once all of it is durable.
   *
   * @throws InstanceRejectedException when the pixel module is inconsistent (nothing remains)
   * @throws org.custos.archive.StorageException when the blob store or index fails (nothing remains)
   */
  public IngestReceipt finish() {
    end();
    try {
      return completion.finish();
    } finally {
      locks.close();
    }
  }

  /** Drops the uncommitted blob: nothing of the instance remains. */
  public void abandon() {
    end();
    try {
      completion.abandon();
    } finally {
      locks.close();
    }
  }

  private synchronized void end() {
    if (ended) {
      throw new IllegalStateException("this staged instance was already finished or abandoned");
    }
    ended = true;
  }
}
