package org.custos.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;
import java.util.Optional;
import org.custos.server.auth.Principal;

/**
 * One route as data: method, Javalin path pattern, who may call it, and the handler. For a
 * protected route the handler receives the authenticated principal, and runs only after the
 * access policy allowed the request.
 */
public record Route(HandlerType method, String path, RouteAccess access, Handler handler) {
  /** Handles a request; {@code caller} is empty exactly for anonymous routes. */
  @FunctionalInterface
  public interface Handler {
    void handle(Context ctx, Optional<Principal> caller) throws Exception;
  }

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with '/'");
    }
    if (access instanceof RouteAccess.Anonymous && !isAnonymousPath(path)) {
      throw new IllegalArgumentException("only /healthz, /readyz and /log/v1/... may be anonymous, not " + path);
    }
  }

  /** The only paths that may be served without authentication. */
  public static boolean isAnonymousPath(String path) {
    return path.equals("/healthz") || path.equals("/readyz") || path.startsWith("/log/v1/");
  }

  /** The principal of a protected route's request (present by construction). */
  public static Principal caller(Optional<Principal> caller) {
    return caller.orElseThrow(() -> new IllegalStateException("a protected route ran without a principal"));
  }
}
