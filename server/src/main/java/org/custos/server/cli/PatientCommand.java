package org.custos.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custos patient shred}: crypto-shreds one patient. */
@Command(name = "patient", mixinStandardHelpOptions = true, description = "Patient-level operations.",
    subcommands = PatientCommand.Shred.class)
final class PatientCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "shred", mixinStandardHelpOptions = true,
      description = "Destroy a patient's key and index PHI: their images can never be decrypted again.")
  static final class Shred implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Mixin
    PatientChoice patient;

    @Option(names = "--yes", description = "confirm: this cannot be undone")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (!yes) {
        throw new CliFailure("shredding cannot be undone: add --yes to confirm");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
        String id = patient.resolve(instance.archive());
        Instant at = instance.archive().shred(id);
        out.println("patient " + id + " shredded at " + at + ": key and index PHI destroyed, the act recorded");
      }
      out.flush();
      return 0;
    }
  }
}
