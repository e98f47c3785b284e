package org.custos.bench.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.keyring.KeyringFile;
import org.custos.ledger.MerkleTree;
import org.custos.storage.index.SqliteIndex;

/**
 * Issue 4's log benchmark (section 6) on the embedded SQLite index, one thread, one run, fresh
 * files under WORKDIR; prints Markdown tables. 1: raw tree appends in batches of 1, 100, 1000
 * next to a plain SQLite insert and the in-memory tree; 2: full entry appends through LogAppender
 * next to a plain insert of a row of the same size; 3: a synthetic log of {@code leaves} leaves,
 * inclusion and consistency proof latency, every proof verified, then appends at that size; 4:
 * bytes per leaf. Usage: java -cp benchmarks.jar org.custos.bench.log.LogBench WORKDIR
 * [leaves=10000000] [proofs=10000] [secondsPerRate=8].
 */
public final class LogBench {
  private static final int[] BATCHES = {1, 100, 1000};
  private static final int BUILD_BATCH = 100_000;
  private static final double WARM_UP_SECONDS = 2;
  // Flyway reports each migration through java.util.logging; kept here so the setting is not collected.
  private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

  private LogBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long leaves = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int proofs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 8;
    FLYWAY.setLevel(java.util.logging.Level.WARNING);
    fresh(work);
    Tables out = new Tables(System.out);

    out.load("raw tree appends");
    out.header("raw tree appends: batch (leaves per transaction)", "log (SQLite) leaves/s",
        "plain insert rows/s", "plain insert, hash indexed, rows/s", "log / plain", "log / plain indexed",
        "log / in-memory tree");
    double inMemory = TreeAppends.inMemoryPerSecond(1_000_000);
    double[] treeRates = new double[BATCHES.length];
    try (SqliteIndex index = SqliteIndex.open(work.resolve("tree.db"));
        PlainTable plain = PlainTable.create(work.resolve("plain-tree.db"), false);
        PlainTable indexed = PlainTable.create(work.resolve("plain-indexed-tree.db"), true)) {
      TreeAppends tree = new TreeAppends();
      for (int b = 0; b < BATCHES.length; b++) {
        Rate log = Rate.measure(BATCHES[b], WARM_UP_SECONDS, seconds, n -> tree.sqliteBatch(index, n));
        Rate peer = Rate.measure(BATCHES[b], WARM_UP_SECONDS, seconds, n -> plain.batch(n, 32));
        Rate indexedPeer = Rate.measure(BATCHES[b], WARM_UP_SECONDS, seconds, n -> indexed.batch(n, 32));
        treeRates[b] = log.perSecond();
        out.row(BATCHES[b], log.perSecond(), peer.perSecond(), indexedPeer.perSecond(),
            ratio(log.perSecond(), peer.perSecond()), ratio(log.perSecond(), indexedPeer.perSecond()),
            ratio(log.perSecond(), inMemory));
      }
    }
    out.line("in-memory tree (InMemorySubtreeHashes.append, median of 5 x 1,000,000): %,.0f leaves/s; plain rows"
        + " hold a random 32-byte value, like a leaf hash", inMemory);

    out.load("entry appends");
    out.header("full entry appends: batch (entries per transaction)", "LogAppender entries/s",
        "plain insert of an equal row, rows/s", "log / plain");
    Path entriesDb = work.resolve("entries.db");
    double[] entryRates = new double[BATCHES.length];
    try (KeyringFile root = KeyringFile.createWithKeyFile(work.resolve("keyring.json"), work.resolve("root.key"));
        SqliteIndex index = SqliteIndex.open(entriesDb);
        PlainTable plain = PlainTable.create(work.resolve("plain-entries.db"), false)) {
      EntryAppends entries = new EntryAppends(new KeyHierarchy(root), 1000);
      Rate[] log = new Rate[BATCHES.length];
      for (int b = 0; b < BATCHES.length; b++) {
        log[b] = Rate.measure(BATCHES[b], WARM_UP_SECONDS, seconds, n -> entries.batch(index, n));
      }
      int rowBytes = StorageOverhead.meanEntryRowBytes(entriesDb);
      for (int b = 0; b < BATCHES.length; b++) {
        Rate peer = Rate.measure(BATCHES[b], WARM_UP_SECONDS, seconds, n -> plain.batch(n, rowBytes));
        entryRates[b] = log[b].perSecond();
        out.row(BATCHES[b], log[b].perSecond(), peer.perSecond(), ratio(log[b].perSecond(), peer.perSecond()));
      }
      out.line("entries: instance.stored and access in turn, 1,000 patients with real patient keys; sealed entry"
          + " %.0f bytes on average; plain row %d bytes", StorageOverhead.meanSealedEntryBytes(entriesDb), rowBytes);
    }
    StorageOverhead entryStorage = StorageOverhead.measure(entriesDb);

    out.load("synthetic log");
    SplittableRandom random = new SplittableRandom(5);
    long[][] warmUpPairs = pairs(leaves, Math.max(1000, proofs / 10), random);
    long[][] pairs = pairs(leaves, proofs, random);
    long start = System.nanoTime();
    Map<Long, byte[]> roots = SyntheticLog.roots(leaves, sizes(leaves, warmUpPairs, pairs));
    double inMemorySeconds = (System.nanoTime() - start) / 1e9;
    Path logDb = work.resolve("log.db");
    Rate[] atSize = new Rate[BATCHES.length];
    double buildRate;
    ProofLatency.Result inclusion;
    ProofLatency.Result consistency;
    try (SqliteIndex index = SqliteIndex.open(logDb)) {
      // Bulk load: the random inserts into the leaf-hash index would make every big transaction
      // rewrite most of that index once it outgrows the cache; it is created once at the end instead.
      DeferredIndex leafHashIndex = DeferredIndex.drop(logDb, "log_leaf_hash");
      start = System.nanoTime();
      double[] tenths = SyntheticLog.build(index, leaves, BUILD_BATCH, System.err::println);
      double appendSeconds = (System.nanoTime() - start) / 1e9;
      double indexSeconds = leafHashIndex.create();
      buildRate = leaves / appendSeconds;
      byte[] root = index.read(session -> new MerkleTree(session.logTree()).root(leaves));
      if (!Arrays.equals(root, roots.get(leaves))) {
        throw new IllegalStateException("the SQLite log's root differs from the in-memory root");
      }
      out.header("synthetic log of " + String.format(Locale.ROOT, "%,d", leaves) + " leaves", "result");
      out.row("appends through the index port, " + String.format(Locale.ROOT, "%,d", BUILD_BATCH)
          + " leaves per transaction, log_leaf_hash dropped", String.format(Locale.ROOT, "%.0f s = %,.0f leaves/s",
          appendSeconds, buildRate));
      out.row("leaves/s by tenth of those appends", tenthRates(tenths));
      out.row("then CREATE INDEX log_leaf_hash (its definition from sqlite_master)",
          String.format(Locale.ROOT, "%.0f s", indexSeconds));
      out.row("**build in all**", String.format(Locale.ROOT, "**%.0f s**", appendSeconds + indexSeconds));
      out.row("in-memory peer (CompactRange over the same leaves)", String.format(Locale.ROOT,
          "%.0f s = %,.0f leaves/s; SQLite appends / in-memory = %s", inMemorySeconds, leaves / inMemorySeconds,
          ratio(buildRate, leaves / inMemorySeconds)));
      out.row("root of the SQLite log = in-memory root", "yes");

      out.load("proofs");
      inclusion = ProofLatency.inclusion(index, leaves, root, proofs, random);
      consistency = ProofLatency.consistency(index, warmUpPairs, pairs, roots);
      out.header("proof latency at " + String.format(Locale.ROOT, "%,d", leaves) + " leaves", "proofs", "p50 µs",
          "p99 µs", "max µs", "mean µs");
      out.line(inclusion.call().row("inclusion, whole read transaction (`index.read`)"));
      out.line(inclusion.inTransaction().row("inclusion, proof inside the transaction"));
      out.line(inclusion.verify().row("inclusion, ProofVerifier"));
      out.line(inclusion.cpuPeer().row("peer: CPU-only job of the median proof's length, after each inclusion proof"));
      out.line(consistency.call().row("consistency, whole read transaction"));
      out.line(consistency.inTransaction().row("consistency, proof inside the transaction"));
      out.line(consistency.verify().row("consistency, ProofVerifier"));
      out.line(consistency.cpuPeer().row("peer: CPU-only job of the median proof's length, after each consistency proof"));
      out.line("verification failures: inclusion %d, consistency %d (must be 0); roots for verification computed"
          + " in memory, not read from SQLite", inclusion.failures(), consistency.failures());

      out.load("appends at size");
      TreeAppends tree = new TreeAppends();
      out.header("raw tree appends on top of the synthetic log: batch", "leaves/s", "vs the same batch on a small log");
      for (int b = 1; b < BATCHES.length; b++) {
        atSize[b] = Rate.measure(BATCHES[b], WARM_UP_SECONDS, seconds, n -> tree.sqliteBatch(index, n));
        out.row(BATCHES[b], atSize[b].perSecond(), ratio(atSize[b].perSecond(), treeRates[b]));
      }
    }
    StorageOverhead logStorage = StorageOverhead.measure(logDb);
    out.load("storage");
    Storage.print(out, logStorage, entryStorage);

    out.header("aim (issue 4, section 6)", "measured", "");
    out.row("appends >= 20,000 leaves/s in batches (raw tree, batch 100 / 1000, small log)",
        String.format(Locale.ROOT, "%,.0f / %,.0f", treeRates[1], treeRates[2]), met(treeRates[2] >= 20_000));
    out.row("the same at " + String.format(Locale.ROOT, "%,d", leaves) + " leaves, batch 100 / 1000",
        String.format(Locale.ROOT, "%,.0f / %,.0f", atSize[1].perSecond(), atSize[2].perSecond()),
        met(atSize[2].perSecond() >= 20_000));
    out.row("(for comparison: tree appends without log_leaf_hash, the build's " + String.format(Locale.ROOT, "%,d",
        BUILD_BATCH) + " per transaction)", String.format(Locale.ROOT, "%,.0f", buildRate), "not the aim's schema");
    out.row("full entries (LogAppender), batch 100 / 1000",
        String.format(Locale.ROOT, "%,.0f / %,.0f", entryRates[1], entryRates[2]), met(entryRates[2] >= 20_000));
    out.row("proof p99 < 1 ms (whole read transaction): inclusion / consistency",
        String.format(Locale.ROOT, "%.0f / %.0f µs", inclusion.call().p99Micros(), consistency.call().p99Micros()),
        met(Math.max(inclusion.call().p99Micros(), consistency.call().p99Micros()) < 1000
            && inclusion.failures() + consistency.failures() == 0));
    out.load("end");
  }

  /** Random pairs 1 <= first < second <= leaves. */
  private static long[][] pairs(long leaves, int count, SplittableRandom random) {
    long[][] pairs = new long[count][];
    for (int k = 0; k < count; k++) {
      long a;
      long b;
      do {
        a = 1 + random.nextLong(leaves);
        b = 1 + random.nextLong(leaves);
      } while (a == b);
      pairs[k] = new long[] {Math.min(a, b), Math.max(a, b)};
    }
    return pairs;
  }

  private static long[] sizes(long leaves, long[][]... pairSets) {
    TreeSet<Long> sizes = new TreeSet<>();
    sizes.add(leaves);
    for (long[][] set : pairSets) {
      for (long[] pair : set) {
        sizes.add(pair[0]);
        sizes.add(pair[1]);
      }
    }
    return sizes.stream().mapToLong(Long::longValue).toArray();
  }

  private static String tenthRates(double[] rates) {
    StringBuilder out = new StringBuilder();
    for (double rate : rates) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", rate));
    }
    return out.toString();
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2fx", a / b);
  }

  private static String met(boolean met) {
    return met ? "met" : "**not met**";
  }

  private static void fresh(Path work) throws Exception {
    if (Files.exists(work)) {
      try (var walk = Files.walk(work)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(work);
  }
}
