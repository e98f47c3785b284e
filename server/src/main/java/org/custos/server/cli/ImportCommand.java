package org.custos.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.custos.archive.ingest.IngestSource;
import org.custos.server.home.CustosInstance;
import org.custos.server.imports.ImportItem;
import org.custos.server.imports.ImportSources;
import org.custos.server.imports.ImportTally;
import org.custos.server.imports.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos import PATH...}: folders (recursive), zip files and DICOMDIR media. A progress bar
 * on a terminal; otherwise one line per file, printed only after the archive acknowledged it
 * (durable), so a script (or the crash test) knows exactly what was stored. Exit status 0 when
 * everything was stored or already present, 4 when some files were rejected.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import DICOM files, folders, zip files and DICOMDIR media into the archive.")
final class ImportCommand implements Callable<Integer> {
  static final int EXIT_REJECTS = 4;

  @Mixin
  HomeOption home;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, folders, zip files or DICOMDIRs")
  List<Path> paths;

  @picocli.CommandLine.Option(names = "--jobs", paramLabel = "N",
      description = "files ingested at once (default: the number of processors, at most 4)")
  Integer jobs;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<ImportItem> items = ImportSources.expand(paths);
    long start = System.nanoTime();
    ImportTally tally;
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv());
        ImportProgress progress = ImportProgress.forOutput(out, items)) {
      instance.archive().recover(java.time.Duration.ZERO);
      int workers = jobs != null ? jobs : Math.min(4, Runtime.getRuntime().availableProcessors());
      tally = new Importer(instance.archive(), new IngestSource("cli-import", ""), workers).run(items, progress::accept);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("imported %d, already present %d, new versions %d, rejected %d (%.1f MB in %.1f s, %.1f MB/s)%n",
        tally.stored(), tally.alreadyPresent(), tally.newVersions(), tally.rejected().size(), tally.bytes() / 1e6,
        seconds, tally.bytes() / 1e6 / Math.max(seconds, 1e-3));
    for (ImportTally.Rejected rejected : tally.rejected()) {
      out.println("  rejected " + rejected.label() + ": " + rejected.reason());
    }
    out.flush();
    return tally.rejected().isEmpty() ? 0 : EXIT_REJECTS;
  }
}
