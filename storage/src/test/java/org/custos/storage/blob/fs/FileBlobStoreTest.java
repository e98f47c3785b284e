package org.custos.storage.blob.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.blob.BlobWriter;
import org.custos.storage.blob.BlobStoreContract;
import org.custos.storage.blob.GeneratedBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends BlobStoreContract {
  private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_RWX =
      PosixFilePermissions.fromString("rwx------");

  @TempDir Path temp;

  private Path root() {
    return temp.resolve("blobs");
  }

  @Override
  protected BlobStore newStore() {
    return FileBlobStore.at(root());
  }

  @Override
  protected BlobStore reopen() {
    return FileBlobStore.at(root());
  }

  @Override
  protected int leftovers() throws IOException {
    try (Stream<Path> files = Files.list(root().resolve("tmp"))) {
      return (int) files.count();
    }
  }

  @Test
  void blob_livesUnderItsFanOutPath() throws IOException {
    BlobId id = new BlobId("abcdef0123456789abcdef0123456789");
    write(id, 1, 10);
    assertThat(root().resolve("ab/cd/abcdef0123456789abcdef0123456789")).isRegularFile().hasSize(10);
  }

  @Test
  void filesAreOwnerReadWrite_andDirectoriesOwnerOnly() throws IOException {
    BlobId id = BlobId.random();
    try (BlobWriter writer = store.create(id)) {
      writer.stream().write(new byte[] {1, 2, 3});
      writer.stream().flush();
      try (Stream<Path> temps = Files.list(root().resolve("tmp"))) {
        Path tempFile = temps.findFirst().orElseThrow();
        assertThat(Files.getPosixFilePermissions(tempFile)).isEqualTo(OWNER_RW);
      }
      writer.commit();
    }
    Path blob = root().resolve(id.value().substring(0, 2)).resolve(id.value().substring(2, 4));
    assertThat(Files.getPosixFilePermissions(blob.resolve(id.value()))).isEqualTo(OWNER_RW);
    assertThat(Files.getPosixFilePermissions(blob)).isEqualTo(OWNER_RWX);
    assertThat(Files.getPosixFilePermissions(blob.getParent())).isEqualTo(OWNER_RWX);
    assertThat(Files.getPosixFilePermissions(root().resolve("tmp"))).isEqualTo(OWNER_RWX);
    assertThat(Files.getPosixFilePermissions(root())).isEqualTo(OWNER_RWX);
  }

  @Test
  void pathsHoldOnlyIdsAndRandomTempNames() throws IOException {
    List<BlobId> ids = List.of(BlobId.random(), BlobId.random(), BlobId.random());
    for (BlobId id : ids) {
      write(id, 1, 100);
    }
    try (BlobWriter pending = store.create(BlobId.random())) {
      pending.stream().write(7);
      pending.stream().flush();
      try (Stream<Path> all = Files.walk(root())) {
        assertThat(all.filter(p -> !p.equals(root())).map(p -> root().relativize(p)))
            .allSatisfy(
                relative ->
                    assertThat(relative.getFileName().toString())
                        .matches("[0-9a-f]{2}|[0-9a-f]{32}|tmp|blob-[0-9]+\\.part"));
      }
    }
  }

  @Test
  void commit_afterTheTempFileWasSwept_failsAndLeavesNothing() throws IOException {
    BlobId id = BlobId.random();
    BlobWriter writer = store.create(id);
    GeneratedBytes.write(writer.stream(), 1, 1000);
    assertThat(store.sweepIncomplete(0)).isEqualTo(1);

    assertThatThrownBy(writer::commit).isInstanceOf(StorageException.class);
    writer.close();
    assertThat(store.exists(id)).isFalse();
    assertThat(leftovers()).isZero();
  }

  @Test
  void describe_namesTheRoot() {
    assertThat(store.describe()).isEqualTo("file:" + root().toAbsolutePath());
  }
}
