package org.custos.server.cli;

import org.custos.archive.Archive;
import org.custos.archive.index.PatientRow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which patient a command is about: {@code --patient KEY-ID} or {@code --patient-id ID [--issuer I]}. */
final class PatientChoice {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Option(names = "--issuer", defaultValue = "", description = "Issuer of Patient ID, with --patient-id")
  String issuer;

  static final class Which {
    @Option(names = "--patient", paramLabel = "KEY-ID", description = "internal patient id (from `custos ls`)")
    String internalId;

    @Option(names = "--patient-id", paramLabel = "ID", description = "Patient ID (with --issuer when there is one)")
    String patientId;
  }

  /** The internal id of the chosen live patient. */
  String resolve(Archive archive) {
    if (which.internalId != null) {
      return which.internalId;
    }
    return archive.patientByIdentity(which.patientId, issuer).map(PatientRow::patientId)
        .orElseThrow(() -> new CliFailure("no live patient with that Patient ID and issuer"));
  }
}
