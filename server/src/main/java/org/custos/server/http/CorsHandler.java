package org.custos.server.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Cross-origin requests for browser viewers (OHIF on another origin) that send bearer tokens on
 * every request type — search, metadata, frames, rendered images, store. Origins are allowed by
 * exact match (scheme, host and port) or all with {@code *}; none by default.
 *
 * <p>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 * answered here, before authentication, as the Fetch standard requires (browsers never send
 * credentials on a preflight): 204 with the allowed methods and request headers (including
 * {@code Authorization}), cached for 10 minutes; 403 for an origin not allowed. Other requests
 * from an allowed origin get {@code Access-Control-Allow-Origin} and the response headers a
 * client may read ({@code Access-Control-Expose-Headers}). No cookies are used, so credentials
 * mode is never enabled.
 */
final class CorsHandler extends Handler.Wrapper {
  static final String ALLOW_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
  static final Set<String> ALLOW_HEADERS = Set.of("authorization", "content-type", "accept", "accept-language",
      "content-language", "range", "if-none-match", "if-modified-since", "cache-control", "x-requested-with");
  static final String EXPOSE_HEADERS = "Authorization, Content-Type, Content-Length, Content-Location, Location, "
      + "Warning, WWW-Authenticate, ETag, Retry-After";

  private final List<String> allowedOrigins;

  CorsHandler(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null) {
      return super.handle(request, response, callback);
    }
    boolean allowed = allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    HttpFields.Mutable headers = response.getHeaders();
    boolean preflight = request.getMethod().equals("OPTIONS")
        && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null;
    if (preflight) {
      headers.add(HttpHeader.VARY, "Origin");
      if (!allowed) {
        response.setStatus(403);
        headers.put(HttpHeader.CONTENT_TYPE, ErrorBody.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(ErrorBody.of("cors-origin-not-allowed",
            "this origin is not in server.cors.allowed-origins")), callback);
        return true;
      }
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
      String requested = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, allowHeaders(requested));
      headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
      headers.add(HttpHeader.VARY, "Access-Control-Request-Method, Access-Control-Request-Headers");
      response.setStatus(204);
      response.write(true, null, callback);
      return true;
    }
    List<HttpField> fields = allowed
        ? List.of(new HttpField(HttpHeader.VARY, "Origin"), new HttpField(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin),
            new HttpField(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS))
        : List.of(new HttpField(HttpHeader.VARY, "Origin"));
    return super.handle(request, EnsuredHeaders.wrap(request, response, fields), callback);
  }

  /** The requested headers that are allowed, in the client's spelling; always Authorization. */
  private static String allowHeaders(String requested) {
    StringBuilder allowed = new StringBuilder("Authorization");
    if (requested != null) {
      for (String name : requested.split(",")) {
        String trimmed = name.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.equals("authorization") && ALLOW_HEADERS.contains(lower)) {
          allowed.append(", ").append(trimmed);
        }
      }
    }
    return allowed.toString();
  }
}
