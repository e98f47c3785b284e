package org.custos.server.http;

import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} (liveness: the process serves requests) and {@code GET /readyz}
 * (readiness: the archive is open and its index answers), both anonymous and without detail an
 * outsider could use. While the server stops, both answer 503 (graceful shutdown).
 */
public final class HealthRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

  /** A readiness check; throws when not ready. */
  @FunctionalInterface
  public interface Readiness {
    void check() throws Exception;
  }

  private HealthRoutes() {}

  public static List<Route> routes(Readiness readiness) {
    Objects.requireNonNull(readiness, "readiness");
    return List.of(
        new Route(HandlerType.GET, "/healthz", RouteAccess.anonymous(), (ctx, caller) ->
            ctx.contentType("application/json").result("{\"status\":\"ok\"}")),
        new Route(HandlerType.GET, "/readyz", RouteAccess.anonymous(), (ctx, caller) -> {
          try {
            readiness.check();
          } catch (Exception e) {
            LOG.warn("not ready: {}", e.getClass().getSimpleName());
            throw new ApiException(503, "not-ready", "the archive or its index is not available");
          }
          ctx.contentType("application/json").result("{\"status\":\"ready\"}");
        }));
  }
}
