package org.custos.server.auth;

import java.util.Objects;
import java.util.Optional;
import org.custos.archive.principals.ApiKeys;

/**
 * Reads the {@code Authorization} header (RFC 6750 2.1: {@code Bearer <credential>}) and hands the
 * credential to the API keys ({@code cst_...}) or, when an issuer is configured, to the JWT check.
 */
public final class BearerAuthenticator {
  private final Authenticator apiKeys;
  private final Optional<Authenticator> jwt;

  public BearerAuthenticator(Authenticator apiKeys, Optional<Authenticator> jwt) {
    this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    this.jwt = Objects.requireNonNull(jwt, "jwt");
  }

  /**
   * @param authorization the header's value, if the request had one
   * @throws AuthenticationFailure when it is missing, not a bearer credential, or not valid
   */
  public Principal authenticate(Optional<String> authorization) {
    String header = authorization.map(String::strip).filter(h -> !h.isEmpty())
        .orElseThrow(() -> new AuthenticationFailure("no credential: send Authorization: Bearer <API key or token>"));
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      throw new AuthenticationFailure("the Authorization header must use the Bearer scheme");
    }
    String credential = header.substring(space + 1).strip();
    if (credential.isEmpty() || credential.length() > 16 * 1024) {
      throw new AuthenticationFailure("the bearer credential is empty or too long");
    }
    if (credential.startsWith(ApiKeys.PREFIX)) {
      return apiKeys.authenticate(credential);
    }
    return jwt.orElseThrow(() -> new AuthenticationFailure(
        "the bearer credential is not a Custos API key, and no OAuth2 issuer is configured")).authenticate(credential);
  }
}
