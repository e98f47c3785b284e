package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custos.archive.access.Access;
import org.custos.ledger.json.Json;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos receipt --patient …}: a signed receipt of the patient's log entries
 * (docs/formats/receipt.md), for the patient to keep and check with {@code custos-verify}. Issuing
 * it is itself logged as an access.
 */
@Command(name = "receipt", mixinStandardHelpOptions = true,
    description = "Print a signed receipt of a patient's log entries (check it with custos-verify).")
final class ReceiptCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Mixin
  PatientChoice patient;

  @Option(names = "--purpose", defaultValue = "receipt", description = "why the receipt is issued (logged)")
  String purpose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, Object> receipt;
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
      receipt = instance.archive().receipt(patient.resolve(instance.archive()), Access.commandLine(purpose));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(Json.write(receipt, true));
    out.flush();
    return 0;
  }
}
