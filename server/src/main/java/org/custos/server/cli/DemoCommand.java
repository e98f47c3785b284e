package org.custos.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.custos.server.demo.SampleStudyWriter;
import org.custos.server.demo.StudySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custos demo}: the embedded default. For now it writes the synthetic sample studies with
 * the Custos codec, parses them back and prints a summary; the archive server arrives with the
 * later issues and will then be started here.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Custos on its embedded default with sample studies (today: write and parse the samples).")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  @Option(names = "--home", defaultValue = "custos-home", description = "data folder (default: ${DEFAULT-VALUE})")
  Path home;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path samples = home.resolve("samples");
    long start = System.nanoTime();
    List<Path> files = SampleStudyWriter.writeAll(samples);
    List<StudySummary.Row> studies = StudySummary.of(files);
    long millis = (System.nanoTime() - start) / 1_000_000;
    out.println("Custos " + VersionProvider.version() + " demo");
    out.println("Sample studies (synthetic, made-up patients) in " + samples.toAbsolutePath() + ":");
    out.printf("  %-26s %-10s %-4s %-32s %s%n", "patient", "date", "mod", "description", "instances");
    for (StudySummary.Row row : studies) {
      out.printf("  %-26s %-10s %-4s %-32s %d%n", row.patient(), row.date(), row.modality(), row.description(), row.instances());
    }
    out.println(files.size() + " files written and parsed back in " + millis + " ms.");
    out.println("Inspect one:  ./custos dicom dump " + files.get(0));
    out.println("The archive server (DICOMweb, portal, sign-ins) is not built yet: this demo only exercises the codec.");
    out.flush();
    return 0;
  }
}
