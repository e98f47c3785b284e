package org.custos.server.cli;

import picocli.CommandLine.Command;

/** {@code custos version}: the same as {@code custos --version}. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    for (String line : new VersionProvider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
  }
}
