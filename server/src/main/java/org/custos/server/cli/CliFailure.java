package org.custos.server.cli;

/** A command failed for a reason to be shown to the user as one line. */
final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliFailure(String message) {
    super(message);
  }
}
