package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custos.archive.index.CheckpointRow;
import org.custos.archive.index.LogEntryRow;
import org.custos.ledger.InMemorySubtreeHashes;
import org.custos.ledger.MerkleHashes;
import org.custos.ledger.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * Contract, part four: the transparency log's tables. The stored tree must give the same roots and
 * proofs as the in-memory reference, appends must commit or roll back with their transaction, and
 * concurrent appenders must never share a leaf index.
 */
interface LogContract extends IndexFixture {
  private static byte[] leaf(int i) {
    return MerkleHashes.leaf(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A random entry hash whose last four bytes carry {@code value}. */
  private static byte[] entryHash(int value) {
    byte[] hash = SampleRows.bytes(32);
    java.nio.ByteBuffer.wrap(hash, 28, 4).putInt(value);
    return hash;
  }

  @Test
  default void storedTree_givesTheReferenceRootsAndProofs_acrossTransactionsOfRandomSizes() {
    InMemorySubtreeHashes reference = new InMemorySubtreeHashes();
    Random random = new Random(7);
    int appended = 0;
    while (appended < 700) {
      int batch = 1 + random.nextInt(60);
      int first = appended;
      index().write(s -> {
        for (int i = first; i < first + batch; i++) {
          s.logTree().append(leaf(i));
        }
        return null;
      });
      for (int i = first; i < first + batch; i++) {
        reference.append(leaf(i));
      }
      appended += batch;
    }
    MerkleTree expected = new MerkleTree(reference);
    index().read(s -> {
      MerkleTree stored = new MerkleTree(s.logTree());
      assertThat(stored.size()).isEqualTo(expected.size());
      for (long size : new long[] {1, 2, 3, 255, 256, 257, 511, 699, expected.size()}) {
        assertThat(stored.root(size)).isEqualTo(expected.root(size));
        long leafIndex = size / 3;
        assertThat(stored.inclusionProof(leafIndex, size).path())
            .containsExactlyElementsOf(expected.inclusionProof(leafIndex, size).path());
        assertThat(stored.consistencyProof(size / 2, size).path())
            .containsExactlyElementsOf(expected.consistencyProof(size / 2, size).path());
      }
      assertThat(s.leafIndexOf(leaf(123))).contains(123L);
      assertThat(s.leafIndexOf(leaf(9999))).isEmpty();
      return null;
    });
  }

  @Test
  default void appendsOfARolledBackTransaction_leaveNoTrace() {
    index().write(s -> {
      s.logTree().append(leaf(0));
      return null;
    });
    assertThatThrownBy(() -> index().write(s -> {
      s.logTree().append(leaf(1));
      s.logTree().append(leaf(2));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    index().write(s -> {
      s.logTree().append(leaf(3));
      return null;
    });
    InMemorySubtreeHashes reference = new InMemorySubtreeHashes();
    reference.append(leaf(0));
    reference.append(leaf(3));
    byte[] root = index().read(s -> new MerkleTree(s.logTree()).root(2));
    assertThat(root).isEqualTo(new MerkleTree(reference).root(2));
  }

  @Test
  default void concurrentAppenders_getDistinctLeaves_andTheTreeStaysWhole() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            int value = thread * 1000 + i;
            index().write(s -> {
              long leafIndex = s.logTree().size();
              s.insertLogEntry(new LogEntryRow(leafIndex, entryHash(value), Optional.of("pat-" + thread),
                  LogEntryRow.SealedBy.LOG_KEY, new byte[] {1}, Instant.ofEpochMilli(value)));
              s.logTree().append(leaf(value));
              return null;
            });
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    index().read(s -> {
      assertThat(s.logTree().size()).isEqualTo(100);
      assertThat(s.logEntries(0, 1000)).extracting(LogEntryRow::leafIndex)
          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 100).boxed().toList());
      for (LogEntryRow row : s.logEntries(0, 1000)) {
        int value = java.nio.ByteBuffer.wrap(row.entryHash(), 28, 4).getInt();
        assertThat(s.logTree().get(0, row.leafIndex())).isEqualTo(leaf(value));
      }
      assertThat(s.logEntriesOf("pat-2", 0, 100)).hasSize(25);
      return null;
    });
  }

  @Test
  default void chainHeads_moveOnlyFromTheExpectedHead() {
    byte[] first = SampleRows.bytes(32);
    byte[] second = SampleRows.bytes(32);
    index().write(s -> {
      assertThat(s.moveLogHead("pat-1", Optional.empty(), first)).isTrue();
      assertThat(s.moveLogHead("pat-1", Optional.empty(), second)).isFalse();
      assertThat(s.moveLogHead("pat-1", Optional.of(second), second)).isFalse();
      assertThat(s.moveLogHead("pat-1", Optional.of(first), second)).isTrue();
      return null;
    });
    Optional<byte[]> one = index().read(s -> s.logHead("pat-1"));
    Optional<byte[]> two = index().read(s -> s.logHead("pat-2"));
    assertThat(one).contains(second);
    assertThat(two).isEmpty();
  }

  @Test
  default void checkpointsAndCosignatures_areKeptBySize() {
    index().write(s -> {
      s.insertCheckpoint(new CheckpointRow(3, "note three", Instant.ofEpochMilli(3000)));
      s.insertCheckpoint(new CheckpointRow(9, "note nine", Instant.ofEpochMilli(9000)));
      s.putCosignature(3, "w1", "— w1 AAAA", Instant.ofEpochMilli(4000));
      s.putCosignature(3, "w1", "— w1 BBBB", Instant.ofEpochMilli(5000));
      s.putCosignature(3, "w0", "— w0 CCCC", Instant.ofEpochMilli(5000));
      return null;
    });
    Optional<CheckpointRow> latest = index().read(s -> s.latestCheckpoint());
    Optional<CheckpointRow> cosigned = index().read(s -> s.latestCosignedCheckpoint());
    assertThat(cosigned).map(CheckpointRow::size).contains(3L);
    Optional<CheckpointRow> atThree = index().read(s -> s.checkpoint(3));
    assertThat(latest).map(CheckpointRow::signedNote).contains("note nine");
    assertThat(atThree).map(CheckpointRow::created).contains(Instant.ofEpochMilli(3000));
    List<String> three = index().read(s -> s.cosignatures(3));
    List<String> nine = index().read(s -> s.cosignatures(9));
    assertThat(three).containsExactly("— w0 CCCC", "— w1 BBBB");
    assertThat(nine).isEmpty();
  }
}
