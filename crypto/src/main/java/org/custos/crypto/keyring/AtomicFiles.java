package org.custos.crypto.keyring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that a crash leaves either the old or the new content: write a temporary
 * file of mode 0600 in the same directory, fsync it, rename it over the target (atomic on POSIX),
 * fsync the directory. {@link #create} instead links the temporary file to the target, which
 * fails if the target exists (link(2)), so a new file never replaces an existing one.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code target} (or creates it) atomically and durably. */
  static void write(Path target, byte[] content) {
    install(target, content, false);
  }

  /** Creates {@code target} atomically and durably; fails if it exists. */
  static void create(Path target, byte[] content) {
    install(target, content, true);
  }

  private static void install(Path target, byte[] content, boolean createOnly) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      if (createOnly) {
        Files.createLink(target, temporary);
        Files.delete(temporary);
      } else {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      syncDirectory(directory);
    } catch (IOException e) {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw new UncheckedIOException("could not write " + target, e);
    }
  }

  /** Makes a rename or creation in {@code directory} durable (Linux: fsync on the directory). */
  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
