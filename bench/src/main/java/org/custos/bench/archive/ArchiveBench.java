package org.custos.bench.archive;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custos.archive.Archive;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.IngestSource;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.keyring.KeyringFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.custos.storage.blob.fs.FileBlobStore;
import org.custos.storage.index.SqliteIndex;

/**
 * Issue 3's benchmark: raw limits, then ingest and retrieve of small (the corpus replicated) and
 * large (64 MiB) instances into the embedded default, then the ingest rate into an index
 * pre-filled with synthetic instances against the rate into an empty one. One thread, one run;
 * prints a Markdown table. Usage: java -cp benchmarks.jar org.custos.bench.archive.ArchiveBench
 * CORPUS WORKDIR [smallCount] [largeCount] [prefillInstances].
 */
public final class ArchiveBench {
  private static final IngestSource SOURCE = new IngestSource("bench", "");

  private ArchiveBench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int small = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int large = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    int prefill = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
    List<Path> smallFiles = ArchiveInputs.replicatedCorpus(corpus, work.resolve("inputs/small"), small);
    List<Path> largeFiles = ArchiveInputs.largeInstances(corpus.resolve("valid/pydicom/MR_small.dcm"),
        work.resolve("inputs/large"), large, 128);
    RawLimits raw = RawLimits.measure(largeFiles, work.resolve("scratch"));
    // Warm the JIT on the same work (AES-GCM runs interpreted for its first ~700 MB): a throwaway
    // archive takes the large files and 1,000 small ones, then is deleted.
    try (Opened warmUp = Opened.fresh(work.resolve("archive-warm-up"))) {
      ingest(warmUp.archive, largeFiles);
      retrieve(warmUp.archive, largeFiles);
      ingest(warmUp.archive, smallFiles.subList(0, Math.min(1000, smallFiles.size())));
    }
    System.out.printf(Locale.ROOT, "| raw AES-256-GCM | %.0f MB/s |%n| raw SHA-256 | %.0f MB/s |%n"
        + "| raw file copy + fsync | %.0f MB/s |%n| raw serial limit (all three in turn) | %.0f MB/s |%n",
        raw.aesGcmMbPerSecond(), raw.sha256MbPerSecond(), raw.fileCopyMbPerSecond(), raw.serialMbPerSecond());

    for (int threads : new int[] {1, 2}) {
      try (Opened opened = Opened.fresh(work.resolve("archive-main"))) {
        Rate largeIngest = ingest(opened.archive, largeFiles, threads);
        Rate largeRetrieve = retrieve(opened.archive, largeFiles);
        Rate smallIngest = ingest(opened.archive, smallFiles, threads);
        Rate smallRetrieve = retrieve(opened.archive, smallFiles);
        String label = threads + (threads == 1 ? " thread" : " threads");
        print("ingest, large (" + large + " x " + mb(largeFiles) + "), " + label, largeIngest, raw);
        print("ingest, small (corpus replicated, " + smallFiles.size() + "), " + label, smallIngest, raw);
        if (threads == 1) {
          print("retrieve, large, 1 thread", largeRetrieve, raw);
          print("retrieve, small, 1 thread", smallRetrieve, raw);
        }
      }
    }

    List<Path> probe = smallFiles.subList(0, Math.min(2000, smallFiles.size()));
    List<Path> probeCopy = ArchiveInputs.replicatedCorpus(corpus, work.resolve("inputs/probe"), probe.size());
    Rate empty;
    Rate full;
    try (Opened opened = Opened.fresh(work.resolve("archive-empty"))) {
      empty = ingest(opened.archive, probe);
    }
    try (Opened opened = Opened.fresh(work.resolve("archive-full"))) {
      long start = System.nanoTime();
      IndexPrefill.fill(opened.archive.context().index(), prefill, 10);
      System.out.printf(Locale.ROOT, "| pre-fill %,d instances | %.0f s |%n", prefill, (System.nanoTime() - start) / 1e9);
      full = ingest(opened.archive, probeCopy);
    }
    print("ingest into an empty index", empty, raw);
    print("ingest into an index of " + String.format(Locale.ROOT, "%,d", prefill), full, raw);
    System.out.printf(Locale.ROOT, "| full / empty ingest rate | %.0f%% |%n", 100 * full.perSecond() / empty.perSecond());
  }

  record Rate(long instances, long bytes, double seconds) {
    double perSecond() {
      return instances / seconds;
    }

    double mbPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  private static Rate ingest(Archive archive, List<Path> files) throws Exception {
    return ingest(archive, files, 1);
  }

  /** Ingests with {@code threads} workers taking files from one queue (the archive is thread-safe). */
  private static Rate ingest(Archive archive, List<Path> files, int threads) throws Exception {
    java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
          try (InputStream in = Files.newInputStream(files.get(i))) {
            IngestReceipt receipt = archive.ingest(in, SOURCE);
            bytes.addAndGet(receipt.storedSizeBytes());
            count.incrementAndGet();
          } catch (InstanceRejectedException e) {
            // corpus files the archive refuses do not count
          }
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return new Rate(count.get(), bytes.get(), (System.nanoTime() - start) / 1e9);
  }

  private static Rate retrieve(Archive archive, List<Path> files) throws Exception {
    List<String> uids = new ArrayList<>();
    for (Path file : files) {
      DicomReader.read(file, ReadOptions.DEFAULT.withStopBeforePixelData(true)).dataSet()
          .getString(Tags.SOPInstanceUID).ifPresent(uids::add);
    }
    long bytes = 0;
    long count = 0;
    long start = System.nanoTime();
    for (String uid : uids) {
      if (archive.versions(uid).isEmpty()) {
        continue;
      }
      try (InputStream in = archive.retrieve(uid)) {
        bytes += in.transferTo(OutputStream.nullOutputStream());
        count++;
      }
    }
    return new Rate(count, bytes, (System.nanoTime() - start) / 1e9);
  }

  private static void print(String what, Rate rate, RawLimits raw) {
    System.out.printf(Locale.ROOT, "| %s | %.0f instances/s, %.0f MB/s (%.0f%% of the raw serial limit) |%n", what,
        rate.perSecond(), rate.mbPerSecond(), 100 * rate.mbPerSecond() / raw.serialMbPerSecond());
  }

  private static String mb(List<Path> files) throws Exception {
    return String.format(Locale.ROOT, "%.0f MB", Files.size(files.get(0)) / 1e6);
  }

  /** A fresh embedded archive in a folder. */
  private static final class Opened implements AutoCloseable {
    final RootKeyProvider root;
    final Archive archive;

    private Opened(RootKeyProvider root, Archive archive) {
      this.root = root;
      this.archive = archive;
    }

    static Opened fresh(Path dir) throws Exception {
      if (Files.exists(dir)) {
        try (var walk = Files.walk(dir)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(dir);
      RootKeyProvider root = KeyringFile.createWithKeyFile(dir.resolve("keyring.json"), dir.resolve("root.key"));
      Archive archive = Archive.open(FileBlobStore.at(dir.resolve("blobs")), SqliteIndex.open(dir.resolve("index.db")),
          new KeyHierarchy(root), Clock.systemUTC());
      return new Opened(root, archive);
    }

    @Override
    public void close() {
      archive.close();
      root.close();
    }
  }
}
