package org.custos.archive;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared DICOM corpus beside the repository (../shared/dicom-corpus), as the build passes it. */
public final class SharedCorpus {
  private SharedCorpus() {}

  public static Path root() {
    String configured = System.getProperty("custos.shared.dir");
    Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    Path corpus = shared.resolve("dicom-corpus");
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException("the shared corpus is missing at " + corpus.toAbsolutePath()
          + ": the repository must sit beside shared/ (see README)");
    }
    return corpus;
  }

  public static Path file(String relative) {
    return root().resolve(relative);
  }
}
