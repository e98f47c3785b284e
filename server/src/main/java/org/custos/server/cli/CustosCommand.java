package org.custos.server.cli;

import picocli.CommandLine.Command;

/** The {@code custos} command and its sub-commands. */
@Command(
    name = "custos",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Custos: a medical image archive whose images can neither leak nor be silently faked.",
    subcommands = {DemoCommand.class, InitCommand.class, ServeCommand.class, ApiKeyCommand.class, ImportCommand.class,
        ExportCommand.class, LsCommand.class, VerifyCommand.class, CheckpointCommand.class, ReceiptCommand.class,
        LogCommand.class, WitnessCommandLine.class, EventsCommand.class, KeysCommand.class, PatientCommand.class,
        DicomCommand.class, VersionCommand.class})
final class CustosCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
