package org.custos.dicom.interop;


import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared DICOM test corpus ({@code dicom-corpus} in the shared directory; see its README):
 * where it is, and which of its files are inputs to read.
 */
final class Corpus {
  /** The folders holding inputs; {@code tools/} holds scripts and is not walked. */
  static final List<String> INPUT_FOLDERS = List.of("valid", "edge", "derived", "dicomdir", "malformed");
  private static final Set<String> NOT_INPUTS = Set.of(".md", ".tsv", ".pem");

  private Corpus() {}

  /**
   * The corpus under the shared directory named by system property {@code custos.shared.dir}
   * (set by the build), else {@code ../../shared} from the module directory. Its absence is a
   * broken checkout, never a reason to skip.
   */
  static Path root() {
    return org.custos.dicom.Corpus.root();
  }

  /** Every input file, as corpus-relative names with '/' separators, sorted. */
  static Set<String> inputFiles(Path root) throws IOException {
    Set<String> files = new TreeSet<>();
    for (String folder : INPUT_FOLDERS) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        walk.filter(Files::isRegularFile)
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .filter(name -> NOT_INPUTS.stream().noneMatch(name::endsWith))
            .forEach(files::add);
      }
    }
    return files;
  }

  /** The file column of MANIFEST.tsv: what the corpus says it holds. */
  static Set<String> manifestFiles(Path root) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith("file\t")) {
      throw new IllegalStateException(root.resolve("MANIFEST.tsv") + ": first column is not 'file'");
    }
    return lines.stream().skip(1).filter(l -> !l.isBlank())
        .map(l -> l.substring(0, l.indexOf('\t')))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
