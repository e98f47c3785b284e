package org.custos.server.cli;

import picocli.CommandLine;

/** Entry point of {@code custos}: parses the command line and maps failures to exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 usage). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new CustosCommand());
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli.execute(args);
  }
}
