package org.custos.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the custos command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new CustosCommand());
    cli.setExecutionExceptionHandler(new FailureHandler());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static String corpus(String relative) {
    String shared = System.getProperty("custos.shared.dir", "../../shared");
    java.nio.file.Path file = java.nio.file.Path.of(shared, "dicom-corpus", relative).toAbsolutePath().normalize();
    if (!java.nio.file.Files.exists(file)) {
      throw new IllegalStateException("corpus file missing: " + file);
    }
    return file.toString();
  }
}
