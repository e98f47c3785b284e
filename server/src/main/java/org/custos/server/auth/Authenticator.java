package org.custos.server.auth;

/** Turns a bearer credential into a principal. Thread-safe. */
public interface Authenticator {
  /**
   * @throws AuthenticationFailure when the credential is not valid (the message never repeats it)
   */
  Principal authenticate(String credential);
}
