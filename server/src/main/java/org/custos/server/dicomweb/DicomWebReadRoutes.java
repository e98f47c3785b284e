package org.custos.server.dicomweb;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.custos.archive.Archive;
import org.custos.archive.access.Access;
import org.custos.server.auth.Action;
import org.custos.server.auth.Principal;
import org.custos.server.auth.Resource;
import org.custos.server.dicomweb.qido.QidoService;
import org.custos.server.dicomweb.qido.QueryLevel;
import org.custos.server.dicomweb.qido.QueryScope;
import org.custos.server.dicomweb.render.RenderService;
import org.custos.server.dicomweb.wado.WadoService;
import org.custos.server.dicomweb.wado.WadoUriService;
import org.custos.server.http.Route;
import org.custos.server.http.RouteAccess;

/**
 * The DICOMweb read routes (PS3.18): QIDO-RS at every level and nesting, WADO-RS retrieve,
 * metadata, bulk data, frames, rendered and thumbnails, and WADO-URI at {@code /wado}. Searching
 * needs {@link Action#SEARCH}, everything else {@link Action#RETRIEVE} (both the {@code dicom.read}
 * scope today), on the study the path names or on all studies.
 *
 * <p>Each request runs the transport-free services with an {@link Access} of the caller's non-PHI
 * principal name and the purpose {@value #PURPOSE} (no client convention for declaring another
 * exists yet), under a {@link DicomWebUrls} root made from the request's own origin, so that
 * RetrieveURL and BulkDataURI resolve for the client that asked. See {@link ReadExchange} for how
 * answers and failures reach the wire.
 */
public final class DicomWebReadRoutes {
  /** The purpose recorded with every read through these routes. */
  static final String PURPOSE = "treatment";
  private static final String ROOT = "/dicom-web";
  private static final String STUDY = ROOT + "/studies/{study}";
  private static final String SERIES = STUDY + "/series/{series}";
  private static final String INSTANCE = SERIES + "/instances/{instance}";

  private DicomWebReadRoutes() {}

  public static List<Route> routes(Archive archive) {
    Objects.requireNonNull(archive, "archive");
    RenderService render = new RenderService(archive);
    List<Route> routes = new ArrayList<>();
    search(routes, archive, ROOT + "/studies", QueryLevel.STUDY, ctx -> QueryScope.all());
    search(routes, archive, ROOT + "/series", QueryLevel.SERIES, ctx -> QueryScope.all());
    search(routes, archive, ROOT + "/instances", QueryLevel.INSTANCE, ctx -> QueryScope.all());
    search(routes, archive, STUDY + "/series", QueryLevel.SERIES, ctx -> QueryScope.study(ctx.pathParam("study")));
    search(routes, archive, STUDY + "/instances", QueryLevel.INSTANCE, ctx -> QueryScope.study(ctx.pathParam("study")));
    search(routes, archive, SERIES + "/instances", QueryLevel.INSTANCE,
        ctx -> QueryScope.series(ctx.pathParam("study"), ctx.pathParam("series")));

    for (String level : List.of(STUDY, SERIES, INSTANCE)) {
      retrieve(routes, level, (ctx, r) -> wado(archive, ctx).retrieve(r.path(), accept(ctx), r.access()));
      retrieve(routes, level + "/metadata", (ctx, r) -> wado(archive, ctx).metadata(r.path(), accept(ctx), r.access()));
      retrieve(routes, level + "/thumbnail", (ctx, r) ->
          render.thumbnail(r.path(), OptionalInt.empty(), ctx.queryParamMap(), accept(ctx), r.access()));
    }
    retrieve(routes, INSTANCE + "/bulkdata/<path>", (ctx, r) ->
        wado(archive, ctx).bulkData(r.path(), ctx.pathParam("path"), accept(ctx), r.access()));
    retrieve(routes, INSTANCE + "/frames/{frames}", (ctx, r) ->
        wado(archive, ctx).frames(r.path(), ctx.pathParam("frames"), accept(ctx), r.access()));
    retrieve(routes, INSTANCE + "/rendered", (ctx, r) ->
        render.rendered(r.path(), OptionalInt.empty(), ctx.queryParamMap(), accept(ctx), r.access()));
    retrieve(routes, INSTANCE + "/frames/{frame}/rendered", (ctx, r) ->
        render.rendered(r.path(), frameNumber(ctx), ctx.queryParamMap(), accept(ctx), r.access()));
    retrieve(routes, INSTANCE + "/frames/{frame}/thumbnail", (ctx, r) ->
        render.thumbnail(r.path(), frameNumber(ctx), ctx.queryParamMap(), accept(ctx), r.access()));
    routes.add(new Route(HandlerType.GET, "/wado", RouteAccess.of(Action.RETRIEVE, DicomWebReadRoutes::wadoUriStudy),
        (ctx, caller) -> ReadExchange.send(ctx, () -> new WadoUriService(wado(archive, ctx), render)
            .retrieve(ctx.queryParamMap(), access(caller)))));
    return List.copyOf(routes);
  }

  /** A retrieve-side request: the resource path and who reads. */
  private record Request(ResourcePath path, Access access) {}

  @FunctionalInterface
  private interface Retrieve {
    DicomWebResponse answer(Context ctx, Request request);
  }

  private static void search(List<Route> routes, Archive archive, String path, QueryLevel level,
      Function<Context, QueryScope> scope) {
    routes.add(new Route(HandlerType.GET, path, RouteAccess.of(Action.SEARCH, DicomWebReadRoutes::resource),
        (ctx, caller) -> ReadExchange.search(ctx, () -> {
          QidoService.negotiate(accept(ctx));
          return new QidoService(archive, urls(ctx))
              .search(level, scope.apply(ctx), ctx.queryParamMap(), access(caller));
        })));
  }

  private static void retrieve(List<Route> routes, String path, Retrieve retrieve) {
    routes.add(new Route(HandlerType.GET, path, RouteAccess.of(Action.RETRIEVE, DicomWebReadRoutes::resource),
        (ctx, caller) -> ReadExchange.send(ctx, () -> retrieve.answer(ctx, new Request(path(ctx), access(caller))))));
  }

  private static WadoService wado(Archive archive, Context ctx) {
    return new WadoService(archive, urls(ctx));
  }

  /** The study the path names, for the access policy; all studies for searches without one. */
  private static Resource resource(Context ctx) {
    String study = ctx.pathParamMap().get("study");
    return study == null ? Resource.allStudies() : Resource.study(study);
  }

  private static Resource wadoUriStudy(Context ctx) {
    String study = ctx.queryParam("studyUID");
    return study == null ? Resource.allStudies() : Resource.study(study.strip());
  }

  private static ResourcePath path(Context ctx) {
    Optional<String> series = Optional.ofNullable(ctx.pathParamMap().get("series"));
    Optional<String> instance = Optional.ofNullable(ctx.pathParamMap().get("instance"));
    return new ResourcePath(ctx.pathParam("study"), series, instance);
  }

  private static OptionalInt frameNumber(Context ctx) {
    String frame = ctx.pathParam("frame");
    try {
      int number = Integer.parseInt(frame);
      if (number >= 1) {
        return OptionalInt.of(number);
      }
    } catch (NumberFormatException e) {
      // falls through to the 400 below
    }
    throw new InvalidRequestException("frame", "a frame number is a whole number from 1");
  }

  /** The Accept header, or any type when absent (RFC 9110 12.5.1). */
  private static String accept(Context ctx) {
    String accept = ctx.header("Accept");
    return accept == null || accept.isBlank() ? "*/*" : accept;
  }

  private static Access access(Optional<Principal> caller) {
    return new Access(Route.caller(caller).name(), PURPOSE);
  }

  /** The root of RetrieveURL and BulkDataURI: the origin the client used, under /dicom-web. */
  private static DicomWebUrls urls(Context ctx) {
    String host = ctx.host();
    if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")) {
      host = "localhost";
    }
    return new DicomWebUrls(ctx.scheme() + "://" + host + ROOT);
  }
}
