package org.custos.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared DICOM test corpus (../shared/dicom-corpus); missing corpus is a failure, not a skip. */
public final class Corpus {
  private Corpus() {}

  /**
   * The shared directory: system property {@code custos.shared.dir} (set by the build), else
   * {@code ../../shared} from the module directory.
   */
  public static Path sharedDir() {
    String configured = System.getProperty("custos.shared.dir", "");
    return (configured.isBlank() ? Path.of("../../shared") : Path.of(configured)).toAbsolutePath().normalize();
  }

  /** The corpus root; its absence is a broken checkout, never a reason to skip. */
  public static Path root() {
    Path corpus = sharedDir().resolve("dicom-corpus");
    if (!Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))) {
      throw new IllegalStateException("DICOM corpus not found at " + corpus
          + ": the tests need ../shared/dicom-corpus beside the repository (or -Dcustos.shared.dir)");
    }
    return corpus;
  }

  public static Path file(String relative) {
    return root().resolve(relative);
  }

  /** Every DICOM (or deliberately non-DICOM) file of the corpus, sorted. */
  public static List<Path> allFiles() {
    try (Stream<Path> walk = Files.walk(root())) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !root().relativize(p).startsWith("tools"))
          .filter(p -> !p.getFileName().toString().matches(".*\\.(md|tsv|pem)"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files outside malformed/. */
  public static List<Path> wellFormedFiles() {
    return allFiles().stream().filter(p -> !relative(p).startsWith("malformed/")).toList();
  }

  public static String relative(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }
}
