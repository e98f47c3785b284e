package org.custos.server.auth;

/**
 * The request carries no credential, or one that is not valid. The message says what is wrong
 * with it (missing, malformed, expired, revoked, wrong audience, ...) and never repeats it.
 */
public final class AuthenticationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailure(String message) {
    super(message);
  }

  public AuthenticationFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
