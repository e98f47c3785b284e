package org.custos.dicom.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every file of the shared corpus with our reader and with dcmtk ({@code dcm2xml}) and
 * compares the two readings element by element: tag, VR, value multiplicity, length and values,
 * bulk values and pixel data fragments by length and SHA-256, recursing into sequences. Files
 * dcmtk refuses must be refused by us too.
 *
 * <p>The differences found must be exactly those listed in {@code docs/dcmtk-differences.md}: an
 * unlisted difference fails, and so does a listed one that no longer occurs, which keeps the page
 * true. dcmtk is a required tool of this test: when it is missing the test fails, it never skips.
 * A full report is written to {@code target/dcmtk-comparison.txt}.
 */
class DcmtkComparisonIT {
  private static final Path DOC = Path.of("docs", "dcmtk-differences.md");

  private static Path corpus;
  private static List<FileComparison.Result> results;

  @BeforeAll
  static void compareEveryCorpusFile(@TempDir Path workDir) throws Exception {
    assertThat(Files.isExecutable(Dcm2Xml.EXECUTABLE))
        .as("dcmtk missing: run the test command, it installs it (no executable %s)", Dcm2Xml.EXECUTABLE)
        .isTrue();
    corpus = Corpus.root();
    int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<FileComparison.Result>> futures = new ArrayList<>();
      for (String file : Corpus.inputFiles(corpus)) {
        futures.add(pool.submit(() -> FileComparison.run(corpus, file, workDir)));
      }
      results = new ArrayList<>();
      for (Future<FileComparison.Result> future : futures) {
        results.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }
    writeReport(Path.of("target", "dcmtk-comparison.txt"));
  }

  @Test
  void everyFileOfTheManifest_isCompared() throws IOException {
    Set<String> compared = new TreeSet<>();
    results.forEach(r -> compared.add(r.file()));
    assertThat(compared).isEqualTo(Corpus.manifestFiles(corpus));
  }

  @Test
  void everyDifferenceFromDcmtk_isDocumented() throws IOException {
    List<DocumentedDifferences.Row> documented = DocumentedDifferences.read(doc());
    List<String> undocumented = new ArrayList<>();
    for (Difference d : differences()) {
      if (documented.stream().noneMatch(row -> row.matches(d))) {
        undocumented.add(d.toString());
      }
    }
    assertThat(undocumented)
        .as("differences from dcmtk that %s does not list (fix the reader, or document a dcmtk quirk)", DOC)
        .isEmpty();
  }

  @Test
  void everyDocumentedDifference_stillOccurs() throws IOException {
    List<Difference> found = differences();
    List<String> stale = new ArrayList<>();
    for (DocumentedDifferences.Row row : DocumentedDifferences.read(doc())) {
      if (found.stream().noneMatch(row::matches)) {
        stale.add(row.toString());
      }
    }
    assertThat(stale).as("rows of %s that no longer occur (remove them)", DOC).isEmpty();
  }

  private static List<Difference> differences() {
    List<Difference> all = new ArrayList<>();
    results.forEach(r -> all.addAll(r.differences()));
    return all;
  }

  /** The page sits in the project root, one level above this module. */
  private static Path doc() {
    for (Path candidate : List.of(Path.of("..").resolve(DOC), DOC)) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(DOC + " not found above " + Path.of("").toAbsolutePath());
  }

  private static void writeReport(Path report) throws IOException {
    Map<FileComparison.Outcome, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    StringBuilder details = new StringBuilder();
    long elements = 0;
    for (FileComparison.Result r : results) {
      outcomes.merge(r.outcome(), 1, Integer::sum);
      elements += r.elementsCompared();
      details.append(r.outcome()).append(' ').append(r.file()).append(" (").append(r.elementsCompared())
          .append(" elements)\n");
      if (!r.ourRefusal().isEmpty()) {
        details.append("  ours: ").append(r.ourRefusal()).append('\n');
      }
      for (Difference d : r.differences()) {
        kinds.merge(d.kind().label(), 1, Integer::sum);
        details.append("  ").append(d).append('\n');
      }
    }
    String summary = results.size() + " files " + outcomes + ", " + elements + " elements compared, differences by kind "
        + kinds;
    String text = summary + "\n\n" + details;
    Files.createDirectories(report.getParent());
    Files.writeString(report, text, UTF_8);
    System.out.println("dcmtk comparison: " + summary + " (details in " + report.toAbsolutePath() + ")");
  }
}
