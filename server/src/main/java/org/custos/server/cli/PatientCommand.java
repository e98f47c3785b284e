package org.custos.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.custos.archive.index.PatientRow;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.ArgGroup;
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

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--issuer", defaultValue = "", description = "Issuer of Patient ID, with --patient-id")
    String issuer;

    @Option(names = "--yes", description = "confirm: this cannot be undone")
    boolean yes;

    @Spec
    CommandSpec spec;

    static final class Which {
      @Option(names = "--patient", paramLabel = "KEY-ID", description = "internal patient id (from `custos ls`)")
      String internalId;

      @Option(names = "--patient-id", paramLabel = "ID", description = "Patient ID (with --issuer when there is one)")
      String patientId;
    }

    @Override
    public Integer call() {
      if (!yes) {
        throw new CliFailure("shredding cannot be undone: add --yes to confirm");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
        String id = which.internalId != null ? which.internalId
            : instance.archive().patientByIdentity(which.patientId, issuer).map(PatientRow::patientId)
                .orElseThrow(() -> new CliFailure("no live patient with that Patient ID and issuer"));
        Instant at = instance.archive().shred(id);
        out.println("patient " + id + " shredded at " + at + ": key and index PHI destroyed, the act recorded");
      }
      out.flush();
      return 0;
    }
  }
}
