package org.custos.server.cli;

import org.custos.dicom.DicomException;
import picocli.CommandLine;

/**
 * Prints expected failures (bad input, unreadable files) as one line without a stack trace; the
 * messages of the codec never carry element values, so nothing here can print PHI.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof DicomException || e instanceof java.io.IOException || e instanceof CliFailure) {
      cli.getErr().println("custos: " + e.getMessage());
      return 1;
    }
    cli.getErr().println("custos: internal error: " + e.getClass().getName());
    e.printStackTrace(cli.getErr());
    return 3;
  }
}
