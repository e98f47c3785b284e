package org.custos.server.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.custos.archive.ArchiveException;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;
import org.custos.archive.StorageFullException;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.server.auth.AuthenticationFailure;
import org.custos.server.dicomweb.multipart.MultipartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: status, a JSON body {@code {"error",
 * "detail"}} and, for 401 and 403, the {@code WWW-Authenticate} challenge of RFC 6750 3. Details
 * are the exceptions' messages, which in Custos name offsets, ids and rules, never PHI or
 * credentials; unexpected failures get a generic detail and a reference logged with the cause.
 */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
  static final String REALM = "Bearer realm=\"custos\"";

  /** A failure as a response. */
  public record Mapped(int status, String error, String detail, Map<String, String> headers) {}

  private HttpErrors() {}

  /** Writes the response for {@code failure} to {@code ctx}. */
  public static void respond(Context ctx, Throwable failure) {
    Mapped mapped = map(failure, ctx.header("Authorization") != null);
    ctx.status(mapped.status());
    mapped.headers().forEach(ctx::header);
    ctx.contentType(ErrorBody.MEDIA_TYPE);
    ctx.result(ErrorBody.of(mapped.error(), mapped.detail()));
  }

  public static Mapped map(Throwable failure, boolean credentialSent) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (failure instanceof AccessDeniedException denied) {
      headers.put("WWW-Authenticate", REALM + ", error=\"insufficient_scope\"");
      return new Mapped(403, denied.error(), denied.detail(), headers);
    }
    if (failure instanceof ApiException api) {
      return new Mapped(api.status(), api.error(), api.detail(), headers);
    }
    if (failure instanceof AuthenticationFailure auth) {
      headers.put("WWW-Authenticate", credentialSent ? REALM + ", error=\"invalid_token\"" : REALM);
      return new Mapped(401, "unauthenticated", auth.getMessage(), headers);
    }
    if (failure instanceof MultipartException multipart) {
      return switch (multipart.kind()) {
        case TOO_LARGE -> new Mapped(413, "body-too-large", multipart.getMessage(), headers);
        case TRUNCATED -> new Mapped(400, "truncated-body", multipart.getMessage(), headers);
        case NO_DELIMITER, MALFORMED_DELIMITER, MALFORMED_HEADERS ->
            new Mapped(400, "malformed-multipart", multipart.getMessage(), headers);
      };
    }
    if (failure instanceof IOException) {
      return new Mapped(400, "unreadable-body", "the request body could not be read to its end", headers);
    }
    if (failure instanceof HttpResponseException javalin) {
      int status = javalin.getStatus() >= 400 && javalin.getStatus() <= 599 ? javalin.getStatus() : 500;
      return new Mapped(status, status == 404 ? "not-found" : "http-" + status,
          status == 404 ? "no such resource" : "the request was refused (" + status + ")", headers);
    }
    if (failure instanceof StorageFullException) {
      return new Mapped(507, "storage-full", "the archive's storage is full; nothing of the request was kept", headers);
    }
    if (failure instanceof StorageException) {
      headers.put("Retry-After", "30");
      return new Mapped(503, "storage-unavailable", "the archive's storage is unavailable; try again", headers);
    }
    if (failure instanceof NotFoundException notFound) {
      return new Mapped(404, "not-found", notFound.getMessage(), headers);
    }
    if (failure instanceof IntegrityFailureException) {
      String reference = reference(failure);
      return new Mapped(500, "integrity-failure", "stored data failed its integrity check; an alarm was raised"
          + " (reference " + reference + ")", headers);
    }
    if (failure instanceof InstanceRejectedException rejected) {
      return new Mapped(400, "rejected-instance", rejected.getMessage(), headers);
    }
    if (failure instanceof ArchiveException) {
      return new Mapped(500, "archive-error", "the archive failed (reference " + reference(failure) + ")", headers);
    }
    return new Mapped(500, "internal-error", "internal error (reference " + reference(failure) + ")", headers);
  }

  private static String reference(Throwable failure) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("request failed, reference {}", reference, failure);
    return reference;
  }
}
