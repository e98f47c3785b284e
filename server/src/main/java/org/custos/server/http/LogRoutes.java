package org.custos.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.custos.archive.log.PublicLog;
import org.custos.archive.log.WitnessRejectedException;
import org.custos.ledger.json.Json;
import org.custos.ledger.receipt.LogFormatException;
import org.custos.ledger.receipt.SuccessorsQuery;

/**
 * The public transparency log under {@code /log/v1/} (docs/formats/receipt.md, "Log queries"):
 * checkpoint, consistency and inclusion proofs, successors of an entry, and witness cosignatures.
 * Anonymous by design: auditors and witnesses hold no credential. None of the answers reveals PHI
 * or an entry to someone who does not already hold it (the entry hash is the capability for
 * {@code successors}); bodies are exactly those of {@code custos log …}, which the verifier's
 * codecs parse.
 *
 * <p>Bad parameters are 400s naming the parameter, an unknown leaf or entry hash is a 404, a
 * refused cosignature a 400 naming why. Request bodies are read up to {@value #MAX_BODY_BYTES}
 * bytes (413 beyond). Thread-safe.
 */
public final class LogRoutes {
  /** The largest body of a successors query or a cosigned checkpoint note. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";

  private LogRoutes() {}

  public static List<Route> routes(PublicLog log) {
    Objects.requireNonNull(log, "log");
    return List.of(
        new Route(HandlerType.GET, "/log/v1/checkpoint", RouteAccess.anonymous(), (ctx, caller) ->
            ctx.contentType(TEXT).result(log.checkpoint())),
        new Route(HandlerType.GET, "/log/v1/consistency", RouteAccess.anonymous(), (ctx, caller) -> {
          long from = size(ctx, "from");
          long to = size(ctx, "to");
          if (from > to) {
            throw badParameter("from", "must not exceed to (" + from + " > " + to + ")");
          }
          json(ctx, () -> log.consistency(from, to), "to");
        }),
        new Route(HandlerType.GET, "/log/v1/inclusion", RouteAccess.anonymous(), (ctx, caller) -> {
          byte[] leaf = base64(required(ctx, "leaf"), "leaf");
          long size = size(ctx, "size");
          json(ctx, () -> log.inclusion(leaf, size), "size");
        }),
        new Route(HandlerType.POST, "/log/v1/successors", RouteAccess.anonymous(), (ctx, caller) -> {
          SuccessorsQuery query;
          try {
            query = SuccessorsQuery.parse(body(ctx));
          } catch (LogFormatException e) {
            // "$.size" names the member; "$" the body as a whole
            throw badParameter(e.path().startsWith("$.") ? e.path().substring(2) : "body", e.getMessage());
          } catch (IllegalArgumentException e) {
            throw badParameter("body", e.getMessage());
          }
          json(ctx, () -> log.successors(query.entryHash(), query.size()), "size");
        }),
        new Route(HandlerType.POST, "/log/v1/cosignature", RouteAccess.anonymous(), (ctx, caller) -> {
          String note = body(ctx);
          String witness;
          try {
            witness = log.cosign(note);
          } catch (WitnessRejectedException e) {
            throw new ApiException(400, "cosignature-rejected", e.getMessage());
          } catch (IllegalArgumentException e) {
            throw new ApiException(400, "cosignature-rejected", "the body is not a cosigned checkpoint note: "
                + e.getMessage());
          }
          ctx.contentType(TEXT).result("accepted cosignature of witness " + witness + "\n");
        }));
  }

  /** A JSON-ready answer of the core, whose size checks fail with an IllegalArgumentException. */
  @FunctionalInterface
  private interface Answer {
    Object get();
  }

  private static void json(Context ctx, Answer answer, String sizeParameter) {
    Object body;
    try {
      body = answer.get();
    } catch (IllegalArgumentException e) {
      throw badParameter(sizeParameter, e.getMessage());
    }
    ctx.contentType(JSON).result(Json.write(body, false));
  }

  private static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw badParameter(name, "is required");
    }
    return value;
  }

  private static long size(Context ctx, String name) {
    String value = required(ctx, name);
    long size;
    try {
      size = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw badParameter(name, "must be a whole number of leaves");
    }
    if (size < 0) {
      throw badParameter(name, "must not be negative");
    }
    return size;
  }

  /** A hash in base64url or base64 (a '+' a query string decoded as a space is put back). */
  private static byte[] base64(String value, String name) {
    try {
      return Base64.getUrlDecoder().decode(value.strip().replace(' ', '+').replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException e) {
      throw badParameter(name, "is not base64 or base64url");
    }
  }

  private static String body(Context ctx) throws IOException {
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "body-too-large", "the body is larger than the limit of " + MAX_BODY_BYTES + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static ApiException badParameter(String parameter, String why) {
    return new ApiException(400, "bad-parameter", parameter + ": " + why);
  }
}
