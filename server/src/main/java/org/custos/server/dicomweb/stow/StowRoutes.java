package org.custos.server.dicomweb.stow;

import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.custos.archive.Archive;
import org.custos.server.auth.Action;
import org.custos.server.auth.Resource;
import org.custos.server.http.Route;
import org.custos.server.http.RouteAccess;

/** The STOW-RS routes; storing needs {@link Action#STORE} on all studies or the target study. */
public final class StowRoutes {
  private StowRoutes() {}

  public static List<Route> routes(Archive archive, long maxRequestBytes) {
    StoreTransaction transaction = new StoreTransaction(Objects.requireNonNull(archive, "archive"), maxRequestBytes);
    return List.of(
        new Route(HandlerType.POST, "/dicom-web/studies", RouteAccess.of(Action.STORE, ctx -> Resource.allStudies()),
            (ctx, caller) -> transaction.handle(ctx, Route.caller(caller), Optional.empty())),
        new Route(HandlerType.POST, "/dicom-web/studies/{study}",
            RouteAccess.of(Action.STORE, ctx -> Resource.study(ctx.pathParam("study"))),
            (ctx, caller) -> transaction.handle(ctx, Route.caller(caller), Optional.of(ctx.pathParam("study")))));
  }
}
