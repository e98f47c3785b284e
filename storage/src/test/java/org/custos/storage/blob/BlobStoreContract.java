package org.custos.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobInfo;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.blob.BlobWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStore} must do. An implementation's test extends this class and supplies
 * a fresh, empty store per test, a second instance over the same place (a restart), and a count
 * of what writes in progress left behind (temp files, multipart uploads).
 *
 * <p>The large-blob test writes {@code custos.blob.largeBytes} (default 200 MiB) of generated
 * bytes and compares digests; the build runs it in a heap smaller than the blob.
 */
public abstract class BlobStoreContract {
  protected static final int MIB = 1024 * 1024;
  /** One byte over the S3 store's default part size: forces a multipart upload there. */
  protected static final int OVER_ONE_PART = 8 * MIB + 1;

  private static final long LARGE_BYTES = Long.getLong("custos.blob.largeBytes", 200L * MIB);

  protected BlobStore store;

  /** A new, empty store. */
  protected abstract BlobStore newStore();

  /** Another instance over the same location as {@link #newStore()}'s, as after a restart. */
  protected abstract BlobStore reopen();

  /** Leftovers of unfinished writes: temp files (file system) or multipart uploads (S3). */
  protected abstract int leftovers() throws IOException;

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, OVER_ONE_PART})
  void committedBlob_readsBackAsWritten(int size) throws IOException {
    BlobId id = BlobId.random();
    byte[] digest = write(id, size, size);

    assertThat(store.exists(id)).isTrue();
    assertThat(store.size(id)).isEqualTo(size);
    assertThat(GeneratedBytes.sha256(store.open(id))).isEqualTo(digest);
    try (SeekableByteChannel channel = store.openChannel(id)) {
      assertThat(channel.size()).isEqualTo(size);
      assertThat(channel.read(ByteBuffer.allocate(16))).isEqualTo(size == 0 ? -1 : Math.min(16, size));
    }
    assertThat(leftovers()).isZero();
  }

  @Test
  void largeBlob_streamsThroughWithoutBeingHeldInMemory() throws IOException {
    BlobId id = BlobId.random();
    long start = System.nanoTime();
    byte[] digest;
    try (BlobWriter writer = store.create(id)) {
      digest = GeneratedBytes.write(writer.stream(), 42, LARGE_BYTES);
      writer.commit();
    }
    long written = System.nanoTime();
    byte[] readBack = GeneratedBytes.sha256(store.open(id));
    long read = System.nanoTime();

    assertThat(readBack).isEqualTo(digest);
    assertThat(store.size(id)).isEqualTo(LARGE_BYTES);
    System.out.printf(
        "[blobs] %s: %d MiB written in %d ms (%.0f MiB/s), read in %d ms (%.0f MiB/s)%n",
        getClass().getSimpleName(),
        LARGE_BYTES / MIB,
        (written - start) / 1_000_000,
        LARGE_BYTES / (double) MIB / ((written - start) / 1e9),
        (read - written) / 1_000_000,
        LARGE_BYTES / (double) MIB / ((read - written) / 1e9));
  }

  @Test
  void existsSizeAndDelete_followTheBlob_andDeleteIsIdempotent() throws IOException {
    BlobId id = BlobId.random();
    assertThat(store.exists(id)).isFalse();
    store.delete(id);

    write(id, 1, 1000);
    assertThat(store.exists(id)).isTrue();
    assertThat(store.size(id)).isEqualTo(1000);

    store.delete(id);
    assertThat(store.exists(id)).isFalse();
    assertThatThrownBy(() -> store.size(id)).isInstanceOf(NotFoundException.class);
    store.delete(id);
    assertThat(store.exists(id)).isFalse();
  }

  @Test
  void missingBlob_isNotFound_andTheMessageNamesOnlyItsId() {
    BlobId id = BlobId.random();
    assertThatThrownBy(() -> store.open(id))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(id.value());
    assertThatThrownBy(() -> store.openChannel(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.size(id)).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest(name = "second write of {0} bytes")
  @ValueSource(ints = {10, OVER_ONE_PART})
  void commit_neverOverwritesAnExistingBlob(int secondSize) throws IOException {
    BlobId id = BlobId.random();
    byte[] original = write(id, 1, 100);

    try (BlobWriter second = store.create(id)) {
      GeneratedBytes.write(second.stream(), 2, secondSize);
      assertThatThrownBy(second::commit)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("already exists");
    }

    assertThat(store.size(id)).isEqualTo(100);
    assertThat(GeneratedBytes.sha256(store.open(id))).isEqualTo(original);
    assertThat(leftovers()).isZero();
  }

  @Test
  void uncommittedBlob_isInvisible_andCloseLeavesNothing() throws IOException {
    BlobId id = BlobId.random();
    BlobWriter writer = store.create(id);
    GeneratedBytes.write(writer.stream(), 3, OVER_ONE_PART);

    assertThat(store.exists(id)).isFalse();
    assertThat(ids()).isEmpty();
    assertThatThrownBy(() -> store.open(id)).isInstanceOf(NotFoundException.class);

    writer.close();
    writer.close();
    assertThat(store.exists(id)).isFalse();
    assertThat(ids()).isEmpty();
    assertThat(leftovers()).isZero();
    assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> writer.stream().write(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void committedWriter_rejectsMoreBytes_andCloseKeepsTheBlob() throws IOException {
    BlobId id = BlobId.random();
    BlobWriter writer = store.create(id);
    GeneratedBytes.write(writer.stream(), 4, 10);
    writer.stream().close(); // closing the stream is not discarding the blob
    writer.commit();

    assertThatThrownBy(() -> writer.stream().write(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
    writer.close();
    assertThat(store.size(id)).isEqualTo(10);
  }

  @Test
  void abandonedWriter_isRemovedBySweepIncomplete() throws IOException {
    BlobId id = BlobId.random();
    BlobWriter abandoned = store.create(id); // never closed: the process "crashes"
    GeneratedBytes.write(abandoned.stream(), 5, OVER_ONE_PART);
    abandoned.stream().flush();
    assertThat(leftovers()).isPositive();

    try (BlobStore afterRestart = reopen()) {
      assertThat(afterRestart.sweepIncomplete(3_600_000)).isZero();
      assertThat(leftovers()).isPositive();

      assertThat(afterRestart.sweepIncomplete(0)).isPositive();
      assertThat(leftovers()).isZero();
      assertThat(afterRestart.sweepIncomplete(0)).isZero();
      assertThat(afterRestart.exists(id)).isFalse();
      assertThat(ids()).isEmpty();
    }
    assertThatThrownBy(() -> store.sweepIncomplete(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void channel_readsRandomRangesLikeTheSource() throws IOException {
    int size = 3 * MIB + 12_345;
    byte[] source = GeneratedBytes.of(6, size);
    BlobId id = BlobId.random();
    write(id, 6, size);

    Random random = new Random(7);
    try (SeekableByteChannel channel = store.openChannel(id)) {
      assertThat(channel.size()).isEqualTo(size);
      for (int i = 0; i < 100; i++) {
        int offset = random.nextInt(size);
        int length = Math.min(size - offset, 1 + random.nextInt(i % 10 == 0 ? 2 * MIB : 64 * 1024));
        ByteBuffer range = ByteBuffer.allocate(length);
        channel.position(offset);
        while (range.hasRemaining()) {
          assertThat(channel.read(range)).as("read at %d", channel.position()).isPositive();
        }
        assertThat(channel.position()).isEqualTo(offset + length);
        assertThat(range.array())
            .as("range [%d, %d)", offset, offset + length)
            .isEqualTo(Arrays.copyOfRange(source, offset, offset + length));
      }
      channel.position(size);
      assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      channel.position(size + 100L);
      assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1)))
          .isInstanceOf(NonWritableChannelException.class);
    }
  }

  @Test
  void list_showsExactlyTheCommittedBlobs() throws IOException {
    Map<BlobId, Long> committed = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      BlobId id = BlobId.random();
      write(id, i, i * 1000);
      committed.put(id, (long) i * 1000);
    }
    BlobId deleted = BlobId.random();
    write(deleted, 9, 9);
    store.delete(deleted);

    try (BlobWriter pending = store.create(BlobId.random())) {
      GeneratedBytes.write(pending.stream(), 10, OVER_ONE_PART);
      try (Stream<BlobInfo> listed = store.list()) {
        assertThat(listed.collect(Collectors.toMap(BlobInfo::id, BlobInfo::sizeBytes)))
            .isEqualTo(committed);
      }
    }
    try (Stream<BlobInfo> listed = store.list()) {
      assertThat(listed.map(BlobInfo::lastModified)).allSatisfy(t -> assertThat(t).isNotNull());
    }
  }

  @Test
  void concurrentWriters_ofDifferentIds_allCommit() throws Exception {
    int writers = 8;
    int blobsEach = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Map<BlobId, byte[]>>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int seedBase = w * 100;
        results.add(
            pool.submit(
                () -> {
                  Map<BlobId, byte[]> digests = new HashMap<>();
                  for (int b = 0; b < blobsEach; b++) {
                    BlobId id = BlobId.random();
                    digests.put(id, write(id, seedBase + b, 1 + (seedBase + b) * 7919 % (2 * MIB)));
                  }
                  return digests;
                }));
      }
      Map<BlobId, byte[]> all = new HashMap<>();
      for (Future<Map<BlobId, byte[]>> result : results) {
        all.putAll(result.get());
      }
      assertThat(all).hasSize(writers * blobsEach);
      for (Map.Entry<BlobId, byte[]> blob : all.entrySet()) {
        assertThat(GeneratedBytes.sha256(store.open(blob.getKey()))).isEqualTo(blob.getValue());
      }
      assertThat(ids()).containsExactlyInAnyOrderElementsOf(all.keySet());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes {@code size} generated bytes under {@code id}, commits, returns their SHA-256. */
  protected final byte[] write(BlobId id, long seed, long size) throws IOException {
    try (BlobWriter writer = store.create(id)) {
      OutputStream out = writer.stream();
      byte[] digest = GeneratedBytes.write(out, seed, size);
      writer.commit();
      return digest;
    }
  }

  protected final List<BlobId> ids() {
    try (Stream<BlobInfo> listed = store.list()) {
      return listed.map(BlobInfo::id).toList();
    }
  }
}
