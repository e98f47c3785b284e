package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos checkpoint}: prints the current signed checkpoint. Keep the output somewhere the
 * database cannot reach; {@code custos verify --since FILE} later proves the log only grew.
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = "Print the log's current signed checkpoint (save it; `custos verify --since FILE` checks against it).")
final class CheckpointCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String note;
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
      note = instance.archive().log().checkpoint().encode();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(note);
    out.flush();
    return 0;
  }
}
