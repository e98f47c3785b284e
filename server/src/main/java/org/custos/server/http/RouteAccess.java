package org.custos.server.http;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.function.Function;
import org.custos.server.auth.Action;
import org.custos.server.auth.Resource;

/** Who may call a route: anyone (a short, fixed list of paths), or callers the policy allows. */
public sealed interface RouteAccess {
  /** No authentication: health, readiness and the public transparency log only. */
  record Anonymous() implements RouteAccess {}

  /** Authenticated; the policy decides on {@code action} for the resource the request names. */
  record Protected(Action action, Function<Context, Resource> resource) implements RouteAccess {
    public Protected {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(resource, "resource");
    }
  }

  static RouteAccess anonymous() {
    return new Anonymous();
  }

  static RouteAccess of(Action action, Function<Context, Resource> resource) {
    return new Protected(action, resource);
  }
}
