package org.custos.server.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.custos.archive.Archive;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.IngestSource;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.ingest.SourceReadException;

/**
 * Ingests items with {@code jobs} workers taking them in order from one queue, and tallies the
 * outcome. A rejected or unreadable file is recorded and the import goes on; a storage failure
 * (full disk, index down) stops every worker and is rethrown, since every further file would
 * fail the same way. Each outcome reaches {@code listener} only after the archive acknowledged it
 * (durable), one call at a time. Several workers pay off because each instance waits for its own
 * fsyncs (see docs/benchmarks.md).
 */
public final class Importer {
  /** One file's outcome, as it happens. */
  public record Event(ImportItem item, Optional<IngestReceipt> receipt, Optional<String> rejection) {}

  private final Archive archive;
  private final IngestSource source;
  private final int jobs;

  public Importer(Archive archive, IngestSource source) {
    this(archive, source, 1);
  }

  public Importer(Archive archive, IngestSource source, int jobs) {
    if (jobs < 1 || jobs > 64) {
      throw new IllegalArgumentException("jobs must be 1..64, was " + jobs);
    }
    this.archive = archive;
    this.source = source;
    this.jobs = jobs;
  }

  public ImportTally run(List<ImportItem> items, Consumer<Event> listener) {
    ImportTally tally = new ImportTally();
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        workers.add(pool.submit(() -> {
          for (int n = next.getAndIncrement(); n < items.size() && !failed.get(); n = next.getAndIncrement()) {
            try {
              importOne(items.get(n), tally, listener);
            } catch (RuntimeException e) {
              failed.set(true);
              throw e;
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        await(worker);
      }
    } finally {
      pool.shutdownNow();
    }
    return tally;
  }

  private void importOne(ImportItem item, ImportTally tally, Consumer<Event> listener) {
    Event event;
    try (InputStream in = item.open()) {
      IngestReceipt receipt = archive.ingest(in, source);
      event = new Event(item, Optional.of(receipt), Optional.empty());
    } catch (InstanceRejectedException e) {
      event = new Event(item, Optional.empty(), Optional.of(e.getMessage()));
    } catch (SourceReadException | IOException e) {
      event = new Event(item, Optional.empty(), Optional.of("cannot read the file: " + describe(e)));
    }
    synchronized (tally) {
      if (event.receipt().isPresent()) {
        IngestReceipt receipt = event.receipt().get();
        switch (receipt.outcome()) {
          case STORED -> tally.stored(receipt.storedSizeBytes());
          case ALREADY_PRESENT -> tally.alreadyPresent(receipt.storedSizeBytes());
          case NEW_VERSION -> tally.newVersion(receipt.storedSizeBytes());
        }
      } else {
        tally.rejected(item.label(), event.rejection().orElseThrow());
      }
      listener.accept(event);
    }
  }

  private static void await(Future<?> worker) {
    try {
      worker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("import worker failed", e.getCause());
    }
  }

  private static String describe(Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
