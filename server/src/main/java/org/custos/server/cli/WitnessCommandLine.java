package org.custos.server.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.custos.verifier.WitnessCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code custos witness …}: the independent witness of the verifier module (JDK only, so it can
 * also run far from any Custos installation), under the product's command.
 */
@Command(name = "witness", description = "Run an independent witness of a Custos log: init, run (see `custos witness --help`).")
final class WitnessCommandLine implements Callable<Integer> {
  @Unmatched
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    return WitnessCommand.run(arguments.toArray(String[]::new), out, err, System.getenv());
  }
}
