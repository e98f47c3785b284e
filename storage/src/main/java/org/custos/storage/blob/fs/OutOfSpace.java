package org.custos.storage.blob.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Recognises "the disk is full" among I/O failures. The JDK has no exception type for ENOSPC: a
 * write fails with a plain {@link IOException} (or a {@link FileSystemException}) whose message
 * is the C library's strerror text. The texts are matched, and when none matches the file store
 * is asked whether any usable space is left, which also catches localised messages.
 */
final class OutOfSpace {
  private static final List<String> REASONS =
      List.of(
          "No space left on device", // ENOSPC, Linux and macOS
          "Disk quota exceeded", // EDQUOT: full as far as this process is concerned
          "There is not enough space on the disk"); // Windows

  private OutOfSpace() {}

  /** True when {@code failure} means the file store holding {@code place} ran out of space. */
  static boolean means(IOException failure, Path place) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String reason = t instanceof FileSystemException fse ? fse.getReason() : t.getMessage();
      if (reason != null && REASONS.stream().anyMatch(reason::contains)) {
        return true;
      }
    }
    try {
      return Files.getFileStore(place).getUsableSpace() == 0;
    } catch (IOException probeFailure) {
      failure.addSuppressed(probeFailure);
      return false;
    }
  }
}
