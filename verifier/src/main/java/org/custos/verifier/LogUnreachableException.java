package org.custos.verifier;

/** The log could not be asked: network, TLS, a failing or missing {@code custos} command, a 5xx. Exit 3. */
public final class LogUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogUnreachableException(String message) {
    super(message);
  }

  public LogUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
