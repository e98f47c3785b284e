package org.custos.verifier;

/** The log could not be asked: network, TLS, a failing or missing {@code custos} command, a 5xx. Exit 3. */
final class LogUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LogUnreachableException(String message) {
    super(message);
  }

  LogUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
