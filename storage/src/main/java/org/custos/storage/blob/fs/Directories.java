package org.custos.storage.blob.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates directories owner-only (0700 where the file system is POSIX) and makes directory
 * entries durable.
 *
 * <p>Durability of a name needs an fsync of the directory that holds it. Java has no API for
 * that; opening the directory read-only as a {@link FileChannel} and calling
 * {@link FileChannel#force} issues fsync(2) on the directory descriptor, which works on Linux (and
 * macOS). On Windows a directory cannot be opened this way and the call fails; the store does
 * not support Windows.
 */
final class Directories {
  private final FileAttribute<?>[] directoryAttributes;
  private final FileAttribute<?>[] fileAttributes;

  Directories(boolean posix) {
    this.directoryAttributes =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
            }
            : new FileAttribute<?>[0];
    this.fileAttributes =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
  }

  /** Attributes for new blob and temp files: 0600 on POSIX (the umask can only remove bits). */
  FileAttribute<?>[] fileAttributes() {
    return fileAttributes.clone();
  }

  /** Creates {@code dir} and missing parents (0700), forcing each parent that gained an entry. */
  void create(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      create(parent);
    }
    try {
      Files.createDirectory(dir, directoryAttributes);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
      // Another writer created it and may not have forced the parent yet; forcing again is cheap.
    }
    if (parent != null) {
      force(parent);
    }
  }

  /** fsync(2) of a directory, so that entries added or removed in it survive a crash. */
  static void force(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
