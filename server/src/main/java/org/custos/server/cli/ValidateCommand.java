package org.custos.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.custos.dicom.DicomException;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code custos dicom validate FILE...}: one line a file, "ok" or "invalid: reason"; exit status
 * 0 when all are valid, 1 otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check that files parse; one line a file. Exit 0 when all are valid, 1 otherwise.")
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files")
  List<Path> files;

  @Option(names = "--strict", description = "treat odd lengths, out-of-order tags and missing file meta as errors")
  boolean strict;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int invalid = 0;
    ReadOptions options = ReadOptions.DEFAULT.withBulkThresholdBytes(0).withStrict(strict);
    for (Path file : files) {
      try {
        DicomFile parsed = DicomReader.read(file, options);
        String note = parsed.warnings().isEmpty() ? "" : " (" + parsed.warnings().size() + " warnings: " + parsed.warnings().get(0) + ")";
        out.println(file + ": ok" + note);
      } catch (DicomException e) {
        invalid++;
        out.println(file + ": invalid: " + e.getMessage());
      }
    }
    out.flush();
    return invalid == 0 ? 0 : 1;
  }
}
