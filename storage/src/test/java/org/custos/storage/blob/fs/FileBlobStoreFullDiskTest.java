package org.custos.storage.blob.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.custos.archive.StorageFullException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobInfo;
import org.custos.archive.blob.BlobWriter;
import org.custos.storage.blob.GeneratedBytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a 4 MiB tmpfs mounted for this class. Mounting needs root, which CI has; run
 * elsewhere, the class fails and says so rather than skipping the one test that proves ENOSPC is
 * handled.
 */
class FileBlobStoreFullDiskTest {
  private static final int MIB = 1024 * 1024;

  @TempDir static Path mountPoint;
  private static boolean mounted;

  @BeforeAll
  static void mountSmallTmpfs() throws Exception {
    String uid = run("id", "-u").strip();
    if (!uid.equals("0")) {
      fail("the full-disk test mounts a 4 MiB tmpfs and needs root (uid 0), but runs as uid "
          + uid + "; run the build as root (CI does) or in a container as root");
    }
    run("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mountPoint.toString());
    mounted = true;
  }

  @AfterAll
  static void unmount() throws Exception {
    if (mounted) {
      run("umount", mountPoint.toString());
    }
  }

  @Test
  void fullDisk_failsWithStorageFull_removesTheTempFile_andKeepsEarlierBlobs() throws IOException {
    Path root = mountPoint.resolve("blobs");
    FileBlobStore store = FileBlobStore.at(root);
    BlobId earlier = BlobId.random();
    byte[] earlierDigest;
    try (BlobWriter writer = store.create(earlier)) {
      earlierDigest = GeneratedBytes.write(writer.stream(), 1, 512 * 1024);
      writer.commit();
    }

    BlobId tooLarge = BlobId.random();
    try (BlobWriter writer = store.create(tooLarge)) {
      assertThatThrownBy(
              () -> {
                GeneratedBytes.write(writer.stream(), 2, 8 * MIB);
                writer.commit();
              })
          .isInstanceOf(StorageFullException.class)
          .hasMessageContaining(store.describe())
          .hasMessageContaining(tooLarge.value())
          .hasMessageMatching("(?s).* after \\d+ bytes.*");
    }

    assertThat(root.resolve("tmp")).isEmptyDirectory();
    assertThat(store.exists(tooLarge)).isFalse();
    assertThat(GeneratedBytes.sha256(store.open(earlier))).isEqualTo(earlierDigest);
    try (Stream<BlobInfo> listed = store.list()) {
      assertThat(listed.map(BlobInfo::id)).containsExactly(earlier);
    }

    // The space of the rolled-back write is free again.
    BlobId after = BlobId.random();
    try (BlobWriter writer = store.create(after)) {
      GeneratedBytes.write(writer.stream(), 3, 2 * MIB);
      writer.commit();
    }
    assertThat(store.size(after)).isEqualTo(2 * MIB);
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      fail(String.join(" ", command) + " failed: " + output.strip());
    }
    return output;
  }
}
