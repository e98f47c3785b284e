package org.custos.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dump.DumpFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code custos dicom dump FILE}: the element tree, one element a line. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Print a DICOM file as a tree: tag, VR, length, value, keyword.")
final class DumpCommand implements Runnable {
  @Parameters(index = "0", paramLabel = "FILE", description = "a DICOM file (PS3.10, or a bare data set)")
  Path file;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT.withBulkThresholdBytes(256));
    PrintWriter out = spec.commandLine().getOut();
    DumpFormatter.print(parsed, out);
    out.flush();
  }
}
