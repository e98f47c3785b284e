package org.custos.storage.index;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.IntegrityFailureException;
import org.custos.ledger.MerkleHashes;
import org.custos.ledger.SubtreeHashes;

/**
 * The log's complete-subtree hashes in {@code log_nodes}, seen from one transaction. The size comes
 * from {@code log_state}; in a write transaction it is read with an UPDATE, which takes the row
 * lock on PostgreSQL and so serialises appends across processes until the commit. An append writes
 * the leaf and each subtree it completes (O(log n) inserts); the left siblings it needs are kept
 * from earlier appends of the same transaction, else read by primary key.
 */
final class LogNodeTable implements SubtreeHashes {
  static final String LOCK_SIZE = "UPDATE log_state SET size = size WHERE id = 1 RETURNING size";
  static final String READ_SIZE = "SELECT size FROM log_state WHERE id = 1";
  static final String SET_SIZE = "UPDATE log_state SET size = ? WHERE id = 1";
  static final String NODE = "SELECT hash FROM log_nodes WHERE level = ? AND idx = ?";
  static final String INSERT = "INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)";
  static final String LEAF_BY_HASH = "SELECT idx FROM log_nodes WHERE level = 0 AND hash = ?";

  private final SqlRunner sql;
  private final boolean write;
  private final Map<Integer, Node> lastWritten = new HashMap<>();
  private long size = -1;

  LogNodeTable(SqlRunner sql, boolean write) {
    this.sql = sql;
    this.write = write;
  }

  @Override
  public long size() {
    if (size < 0) {
      size = sql.one("logSize", write ? LOCK_SIZE : READ_SIZE, s -> {}, r -> r.getLong(1));
    }
    return size;
  }

  @Override
  public byte[] get(int level, long index) {
    Node cached = lastWritten.get(level);
    if (cached != null && cached.index == index) {
      return cached.hash.clone();
    }
    if (level < 0 || level > 62 || index < 0 || (index + 1) << level > size()) {
      throw new IllegalArgumentException("log node (" + level + ", " + index + ") is not complete within size " + size());
    }
    return sql.first("logNode", NODE, s -> {
      s.setInt(1, level);
      s.setLong(2, index);
    }, r -> Columns.bytes(r, "hash")).orElseThrow(() -> new IntegrityFailureException(
        "the log is damaged: complete subtree hash (" + level + ", " + index + ") is missing at size " + size));
  }

  @Override
  public void append(byte[] leafHash) {
    if (leafHash.length != MerkleHashes.SIZE) {
      throw new IllegalArgumentException("a leaf hash is 32 bytes, was " + leafHash.length);
    }
    long index = size();
    byte[] hash = leafHash.clone();
    int level = 0;
    long nodeIndex = index;
    while (true) {
      // The left sibling is read before this node is inserted: the insert replaces it as its
      // level's last written node, the only one the cache keeps, so read after it would always
      // go to the table (one SELECT per leaf).
      byte[] left = (nodeIndex & 1) == 1 ? get(level, nodeIndex - 1) : null;
      insert(level, nodeIndex, hash);
      if (left == null) {
        break;
      }
      hash = MerkleHashes.node(left, hash);
      level++;
      nodeIndex >>= 1;
    }
    size = index + 1;
    sql.update("logSize", SET_SIZE, s -> s.setLong(1, size));
  }

  Optional<Long> leafIndexOf(byte[] leafHash) {
    return sql.first("leafIndexOf", LEAF_BY_HASH, s -> s.setBytes(1, leafHash), r -> r.getLong(1));
  }

  private void insert(int level, long index, byte[] hash) {
    sql.update("appendLogNode", INSERT, s -> {
      s.setInt(1, level);
      s.setLong(2, index);
      s.setBytes(3, hash);
    });
    lastWritten.put(level, new Node(index, hash));
  }

  private record Node(long index, byte[] hash) {}
}
