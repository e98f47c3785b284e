package org.custos.server.cli;

import picocli.CommandLine.Command;

/** {@code custos dicom …}: inspect DICOM files with Custos's own codec. */
@Command(
    name = "dicom",
    mixinStandardHelpOptions = true,
    description = "Inspect DICOM files: dump, json, validate.",
    subcommands = {DumpCommand.class, JsonCommand.class, ValidateCommand.class})
final class DicomCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
