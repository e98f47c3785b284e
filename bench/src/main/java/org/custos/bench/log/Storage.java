package org.custos.bench.log;

import java.util.Locale;

/** Prints the bytes per leaf of the synthetic log (tree only) and of the entry log (tree and entries). */
final class Storage {
  private Storage() {}

  static void print(Tables out, StorageOverhead tree, StorageOverhead entries) {
    out.header("storage after wal_checkpoint(TRUNCATE), from dbstat", "tree only: bytes", "B/leaf",
        "full entries: bytes", "B/leaf");
    out.row("leaves", fmt(tree.leaves()), "", fmt(entries.leaves()), "");
    bytes(out, "log_nodes (subtree hashes, PK level+idx)", tree, entries, "log_nodes");
    bytes(out, "log_leaf_hash (index by leaf hash)", tree, entries, "log_leaf_hash");
    bytes(out, "log_entries (rows)", tree, entries, "log_entries");
    bytes(out, "log_entries UNIQUE entry_hash index", tree, entries, "sqlite_autoindex_log_entries_1");
    bytes(out, "log_entries_owner index", tree, entries, "log_entries_owner");
    bytes(out, "log_heads (table + key)", tree, entries, "log_heads", "sqlite_autoindex_log_heads_1");
    long treeOther = tree.fileBytes() - known(tree) - tree.freeBytes();
    long entriesOther = entries.fileBytes() - known(entries) - entries.freeBytes();
    out.row("rest of the schema, free pages", fmt(treeOther + tree.freeBytes()), perLeaf(treeOther + tree.freeBytes(), tree),
        fmt(entriesOther + entries.freeBytes()), perLeaf(entriesOther + entries.freeBytes(), entries));
    out.row("**file (db + wal of " + tree.walBytes() + " / " + entries.walBytes() + " bytes)**",
        fmt(tree.fileBytes() + tree.walBytes()), "**" + perLeaf(tree.fileBytes() + tree.walBytes(), tree) + "**",
        fmt(entries.fileBytes() + entries.walBytes()), "**" + perLeaf(entries.fileBytes() + entries.walBytes(), entries) + "**");
    out.row("log_nodes + log_leaf_hash share of the file", share(tree, "log_nodes", "log_leaf_hash"), "",
        share(entries, "log_nodes", "log_leaf_hash"), "");
    out.row("log_entries + its two indexes + log_heads share", share(tree, ENTRY_OBJECTS), "",
        share(entries, ENTRY_OBJECTS), "");
  }

  private static final String[] ENTRY_OBJECTS = {"log_entries", "sqlite_autoindex_log_entries_1", "log_entries_owner",
      "log_heads", "sqlite_autoindex_log_heads_1"};

  private static long known(StorageOverhead s) {
    return s.bytesOf("log_nodes", "log_leaf_hash") + s.bytesOf(ENTRY_OBJECTS);
  }

  private static void bytes(Tables out, String what, StorageOverhead tree, StorageOverhead entries, String... names) {
    out.row(what, fmt(tree.bytesOf(names)), perLeaf(tree.bytesOf(names), tree), fmt(entries.bytesOf(names)),
        perLeaf(entries.bytesOf(names), entries));
  }

  private static String share(StorageOverhead s, String... names) {
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * s.bytesOf(names) / s.fileBytes());
  }

  private static String perLeaf(long bytes, StorageOverhead s) {
    return String.format(Locale.ROOT, "%.1f", (double) bytes / s.leaves());
  }

  private static String fmt(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
