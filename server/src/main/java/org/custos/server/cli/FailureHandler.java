package org.custos.server.cli;

import org.custos.dicom.DicomException;
import org.custos.dicom.DicomIoException;
import picocli.CommandLine;

/**
 * Prints expected failures (bad input, unreadable files) as one line without a stack trace; the
 * messages of the codec never carry element values, so nothing here can print PHI.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof DicomException || e instanceof java.io.IOException || e instanceof CliFailure
        || e instanceof org.custos.archive.ArchiveException || e instanceof org.custos.crypto.CryptoException
        || e instanceof org.custos.server.home.ConfigException || e instanceof org.custos.server.http.tls.TlsException
        || e instanceof io.javalin.util.JavalinBindException) {
      // An I/O cause names the path the user gave: fine at the terminal, never in the codec's own messages.
      String cause = e instanceof DicomIoException && e.getCause() != null ? ": " + describe(e.getCause()) : "";
      cli.getErr().println("custos: " + e.getMessage() + cause);
      return 1;
    }
    cli.getErr().println("custos: internal error: " + e.getClass().getName());
    e.printStackTrace(cli.getErr());
    return 3;
  }

  private static String describe(Throwable cause) {
    if (cause instanceof java.nio.file.NoSuchFileException missing) {
      return "no such file " + missing.getFile();
    }
    if (cause instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied for " + denied.getFile();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
