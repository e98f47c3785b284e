package org.custos.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.custos.archive.Archive;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.index.InstanceRow;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos export --study UID --out DIR}: writes the current version of every instance of a
 * study as {@code <SOP Instance UID>.dcm}, each checked against its seal while it is written (a
 * file that fails the check is removed and the export fails).
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a study's instances as DICOM files.")
final class ExportCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Option(names = "--study", required = true, paramLabel = "UID", description = "Study Instance UID")
  String study;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into (created)")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter print = spec.commandLine().getOut();
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
      Archive archive = instance.archive();
      List<InstanceRow> rows = archive.instancesOfStudy(study.strip());
      if (rows.isEmpty()) {
        throw new CliFailure("no study with that Study Instance UID");
      }
      archive.recordRead(Access.commandLine("export"), ReadAction.RETRIEVE, study.strip());
      Files.createDirectories(out);
      long bytes = 0;
      for (InstanceRow row : rows) {
        String uid = archive.retriever().sopInstanceUid(row);
        Path target = out.resolve(uid + ".dcm");
        Path partial = out.resolve(uid + ".dcm.partial");
        try (InputStream in = archive.retriever().open(row, uid)) {
          bytes += Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        } catch (RuntimeException | IOException e) {
          Files.deleteIfExists(partial);
          throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      print.printf("exported %d instances (%.1f MB) to %s%n", rows.size(), bytes / 1e6, out);
    }
    print.flush();
    return 0;
  }
}
