package org.custos.server.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: a non-PHI name recorded with what it does ({@code apikey:<id>} or
 * {@code jwt:<subject>}), how it authenticated, and the scopes its credential grants.
 */
public record Principal(String name, Kind kind, Set<Scope> scopes) {
  /** How the caller authenticated. */
  public enum Kind { API_KEY, JWT }

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a principal's name is 1-200 characters");
    }
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
