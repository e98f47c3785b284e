package org.custos.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.archive.ingest.IngestSource;
import org.custos.archive.search.StudyQuery;
import org.custos.archive.search.StudySummary;
import org.custos.archive.verify.VerifyReport;
import org.custos.server.demo.SampleStudyWriter;
import org.custos.server.home.CustosInstance;
import org.custos.server.home.HomeInitializer;
import org.custos.server.imports.ImportSources;
import org.custos.server.imports.ImportTally;
import org.custos.server.imports.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custos demo}: the embedded default on a throw-away instance folder — SQLite, a local
 * blob folder and a keyring sealed by a key file — loaded with synthetic sample studies, then
 * listed and verified. The folder is recreated at every run (it carries a marker file, and only
 * a folder with that marker is ever deleted). The web server arrives with its own issue.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Custos on its embedded default with sample studies on a throw-away instance.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  static final String MARKER = ".custos-demo";

  @Option(names = "--home", defaultValue = "custos-home", description = "parent folder of the demo instance "
      + "(default: ${DEFAULT-VALUE})")
  Path home;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path instanceHome = home.resolve("demo");
    recreate(instanceHome);
    Map<String, String> environment = Map.of();
    HomeInitializer.init(instanceHome, HomeInitializer.Seal.KEY_FILE, environment);
    Files.createFile(instanceHome.resolve(MARKER));
    List<Path> files = SampleStudyWriter.writeAll(home.resolve("samples"));
    out.println("Custos " + VersionProvider.version() + " demo (embedded default: SQLite + local blob folder + keyring)");
    try (CustosInstance instance = CustosInstance.open(instanceHome, environment)) {
      ImportTally tally = new Importer(instance.archive(), new IngestSource("demo", ""))
          .run(ImportSources.expand(List.of(home.resolve("samples"))), event -> { });
      out.printf("Imported %d synthetic instances (made-up patients), %d rejected.%n", tally.stored(),
          tally.rejected().size());
      List<StudySummary> studies = instance.archive().search(StudyQuery.all(0, 100));
      out.printf("  %-26s %-10s %-6s %7s%n", "patient", "date", "mod", "images");
      for (StudySummary study : studies) {
        out.printf("  %-26s %-10s %-6s %7d%n", study.patient().get("name"), study.study().getOrDefault("StudyDate", ""),
            String.join(",", study.modalities()), study.instanceCount());
      }
      VerifyReport report = instance.archive().verify(bytes -> { });
      out.printf("Verified %d instances against their seals: %s%n", report.versionsChecked(),
          report.ok() ? "all intact" : report.problems().size() + " problem(s)");
    }
    Path absolute = instanceHome.toAbsolutePath();
    out.println("Instance folder: " + absolute + " (blobs and index hold ciphertext only)");
    out.println("Try:  ./custos ls --home " + absolute);
    out.println("      ./custos verify --home " + absolute);
    out.println("The web server (DICOMweb, portal, sign-ins) is not built yet: no URLs or sign-ins to show.");
    out.flush();
    return 0;
  }

  private static void recreate(Path instanceHome) throws IOException {
    if (Files.exists(instanceHome)) {
      if (!Files.exists(instanceHome.resolve(MARKER))) {
        throw new CliFailure(instanceHome + " exists and is not a demo instance: not deleting it");
      }
      try (Stream<Path> walk = Files.walk(instanceHome)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

}
