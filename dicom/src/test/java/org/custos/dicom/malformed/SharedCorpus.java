package org.custos.dicom.malformed;

import org.custos.dicom.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared DICOM test corpus ({@code dicom-corpus} under the shared directory, see its
 * README). Located through system property {@code custos.shared.dir}, else {@code ../../shared}
 * relative to the working directory (the module directory under Maven). A missing corpus fails
 * the test: it means a broken checkout, never a reason to skip.
 */
final class SharedCorpus {
  private SharedCorpus() {}

  static Path root() {
    return Corpus.root();
  }

  static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("corpus file missing: " + relative);
    }
    return file;
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Paths relative to the corpus root of every file under {@code folder}, sorted. */
  static List<String> filesUnder(String folder) {
    Path root = root();
    try (Stream<Path> files = Files.walk(root.resolve(folder))) {
      return files.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
