package org.custos.server.http.tls;

/** The TLS certificate or key cannot be read, generated or used; the message names the file and the rule. */
public final class TlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TlsException(String message) {
    super(message);
  }

  public TlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
