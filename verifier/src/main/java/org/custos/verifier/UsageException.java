package org.custos.verifier;

/** The command line is wrong; exit 64 with the message and the usage text. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
