package org.custos.storage.blob.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;
import org.custos.archive.StorageFullException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobInfo;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.blob.BlobWriter;

/**
 * The default blob store: one file per blob under a root directory.
 *
 * <p>Layout: {@code root/ab/cd/abcd…} (the 32 hex digits of the id, fanned out by its first two
 * pairs) and {@code root/tmp/} for writes in progress, named {@code blob-<random>.part}. No path
 * holds anything but ids and random numbers.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A committed blob is durable and complete: the temp file is forced ({@code fsync}), then
 *       hard-linked under the blob's name, then the directory holding that name is forced (and
 *       each newly created fan-out directory's parent). Readers never see a partial blob.
 *   <li>An existing blob is never replaced. A hard link (link(2)) fails atomically when the name
 *       exists, so even two writers racing for one id cannot both win; a rename would silently
 *       replace on POSIX. The store therefore needs a file system with hard links (ext4, xfs,
 *       btrfs, zfs, tmpfs, NFS).
 *   <li>When space runs out the write fails with {@link StorageFullException} naming the store and
 *       the bytes written so far; the temp file is removed and earlier blobs are untouched.
 *   <li>Blob and temp files are created 0600, directories 0700, where the file system is POSIX.
 *       An existing root keeps its permissions.
 * </ul>
 *
 * <p>Full disclosure: directory forcing works on Linux and macOS, not on Windows (see
 * {@link Directories}). Empty fan-out directories stay after deletes (removing them would race
 * with concurrent writers). A writer abandoned without {@code close()} (a crash) leaves its temp
 * file until {@link #sweepIncomplete} removes it. {@link #delete} forces the directory, so a
 * delete survives a crash once it returns.
 *
 * <p>Threading: thread-safe and lock-free; several instances, even in several processes, may
 * share one root. {@link #close()} releases nothing and does not stop other calls.
 */
public final class FileBlobStore implements BlobStore {
  private static final String TEMP_PREFIX = "blob-";
  private static final String TEMP_SUFFIX = ".part";

  private final FanOut layout;
  private final Directories directories;
  private final String description;

  private FileBlobStore(Path root, Directories directories) {
    this.layout = new FanOut(root);
    this.directories = directories;
    this.description = "file:" + root;
  }

  /**
   * Opens (creating if missing) the store rooted at {@code root}.
   *
   * @throws StorageException when the root or its {@code tmp/} cannot be created
   */
  public static FileBlobStore at(Path root) {
    Objects.requireNonNull(root, "root");
    Path absolute = root.toAbsolutePath().normalize();
    boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
    Directories directories = new Directories(posix);
    try {
      directories.create(absolute.resolve(FanOut.TMP));
    } catch (IOException e) {
      throw new StorageException("cannot create blob store root " + absolute, e);
    }
    return new FileBlobStore(absolute, directories);
  }

  @Override
  public BlobWriter create(BlobId id) {
    Objects.requireNonNull(id, "id");
    Path temp = null;
    try {
      temp =
          Files.createTempFile(
              layout.tmp(), TEMP_PREFIX, TEMP_SUFFIX, directories.fileAttributes());
      FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
      return new FileBlobWriter(layout, directories, description, id, temp, channel);
    } catch (IOException e) {
      StorageException failure =
          OutOfSpace.means(e, layout.root())
              ? new StorageFullException(
                  description + " is full: cannot start blob " + id + " (0 bytes written)", e)
              : new StorageException("cannot start blob " + id + " in " + description, e);
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
          failure.addSuppressed(cleanup);
        }
      }
      throw failure;
    }
  }

  @Override
  public InputStream open(BlobId id) {
    try {
      return Files.newInputStream(layout.pathOf(id));
    } catch (NoSuchFileException e) {
      throw notFound(id);
    } catch (IOException e) {
      throw new StorageException("opening blob " + id + " in " + description + " failed", e);
    }
  }

  /** A read-only {@link FileChannel}; writing to it throws {@code NonWritableChannelException}. */
  @Override
  public SeekableByteChannel openChannel(BlobId id) {
    try {
      return FileChannel.open(layout.pathOf(id), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw notFound(id);
    } catch (IOException e) {
      throw new StorageException("opening blob " + id + " in " + description + " failed", e);
    }
  }

  @Override
  public boolean exists(BlobId id) {
    try {
      return Files.readAttributes(layout.pathOf(id), BasicFileAttributes.class).isRegularFile();
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new StorageException("checking blob " + id + " in " + description + " failed", e);
    }
  }

  @Override
  public long size(BlobId id) {
    try {
      return Files.size(layout.pathOf(id));
    } catch (NoSuchFileException e) {
      throw notFound(id);
    } catch (IOException e) {
      throw new StorageException("reading the size of blob " + id + " failed", e);
    }
  }

  @Override
  public void delete(BlobId id) {
    Path path = layout.pathOf(id);
    try {
      if (Files.deleteIfExists(path)) {
        Directories.force(path.getParent());
      }
    } catch (IOException e) {
      throw new StorageException("deleting blob " + id + " from " + description + " failed", e);
    }
  }

  /** Walks the fan-out tree lazily; {@code tmp/} and stray files are skipped. Close the stream. */
  @Override
  public Stream<BlobInfo> list() {
    return layout.list();
  }

  /**
   * Deletes temp files whose last write is at least {@code olderThanMillis} ago. A live writer
   * touches its temp file with every 64 KiB, so choose a limit well beyond the longest stall of a
   * writer; a swept writer fails at commit.
   */
  @Override
  public int sweepIncomplete(long olderThanMillis) {
    if (olderThanMillis < 0) {
      throw new IllegalArgumentException("olderThanMillis must be >= 0, was " + olderThanMillis);
    }
    Instant cutoff = Instant.now().minusMillis(olderThanMillis);
    int removed = 0;
    try (DirectoryStream<Path> temps =
        Files.newDirectoryStream(layout.tmp(), TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
      for (Path temp : temps) {
        if (sweep(temp, cutoff)) {
          removed++;
        }
      }
    } catch (IOException e) {
      throw new StorageException("sweeping " + description + " failed after " + removed, e);
    }
    return removed;
  }

  private static boolean sweep(Path temp, Instant cutoff) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(temp, BasicFileAttributes.class);
      if (attributes.lastModifiedTime().toInstant().isAfter(cutoff)) {
        return false;
      }
      return Files.deleteIfExists(temp);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  @Override
  public String describe() {
    return description;
  }

  /** Nothing to release: every call opens and closes its own files. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "FileBlobStore[" + description + "]";
  }

  private NotFoundException notFound(BlobId id) {
    return new NotFoundException("blob " + id + " not found in " + description);
  }
}
