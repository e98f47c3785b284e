package org.custos.server.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.custos.archive.principals.ApiKeyCheck;
import org.custos.archive.principals.ApiKeys;

/** Custos API keys ({@code cst_<id>_<secret>}), checked against the index on every request. */
public final class ApiKeyAuthenticator implements Authenticator {
  private final ApiKeys keys;

  public ApiKeyAuthenticator(ApiKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public Principal authenticate(String credential) {
    ApiKeyCheck check = keys.check(credential);
    if (check instanceof ApiKeyCheck.Accepted accepted) {
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      accepted.key().scopes().forEach(label -> Scope.of(label).ifPresent(scopes::add));
      return new Principal("apikey:" + accepted.key().keyId(), Principal.Kind.API_KEY, scopes);
    }
    ApiKeyCheck.Refusal reason = ((ApiKeyCheck.Refused) check).reason();
    throw new AuthenticationFailure(switch (reason) {
      case INVALID -> "the API key is not valid";
      case REVOKED -> "the API key was revoked";
      case EXPIRED -> "the API key has expired";
    });
  }
}
