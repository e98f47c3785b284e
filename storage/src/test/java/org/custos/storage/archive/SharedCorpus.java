package org.custos.storage.archive;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared DICOM corpus beside the repository (../shared/dicom-corpus), as the build passes it. */
final class SharedCorpus {
  private SharedCorpus() {}

  static Path root() {
    String configured = System.getProperty("custos.shared.dir");
    Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    Path corpus = shared.resolve("dicom-corpus");
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException("the shared corpus is missing at " + corpus.toAbsolutePath()
          + ": the repository must sit beside shared/ (see README)");
    }
    return corpus;
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  /** Corpus files of a category (valid, edge, malformed, derived) listed in MANIFEST.tsv. */
  static java.util.List<Path> category(String category) {
    try {
      return java.nio.file.Files.readAllLines(root().resolve("MANIFEST.tsv")).stream().skip(1)
          .map(line -> line.split("\t"))
          .filter(cols -> cols.length > 3 && cols[3].equals(category))
          .map(cols -> root().resolve(cols[0]))
          .filter(java.nio.file.Files::isRegularFile)
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
