package org.custos.server.http;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds the security headers to every response, whoever writes it (routes, error pages, Jetty's
 * 503 during shutdown), even one that was reset before it committed:
 *
 * <ul>
 *   <li>{@code Strict-Transport-Security: max-age=31536000} on HTTPS (RFC 6797);
 *   <li>{@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'} — API
 *       responses load nothing and are never framed;
 *   <li>{@code X-Frame-Options: DENY} for browsers without CSP level 2;
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer};
 *   <li>{@code Cache-Control: no-store} unless the route set its own: responses carry PHI.
 * </ul>
 */
final class SecurityHeadersHandler extends Handler.Wrapper {
  static final String CSP = "default-src 'none'; frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000";

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    return super.handle(request, EnsuredHeaders.wrap(request, response, fields(request.isSecure())), callback);
  }

  static List<HttpField> fields(boolean secure) {
    List<HttpField> fields = new ArrayList<>();
    if (secure) {
      fields.add(new HttpField("Strict-Transport-Security", HSTS));
    }
    fields.add(new HttpField("Content-Security-Policy", CSP));
    fields.add(new HttpField("X-Frame-Options", "DENY"));
    fields.add(new HttpField("X-Content-Type-Options", "nosniff"));
    fields.add(new HttpField("Referrer-Policy", "no-referrer"));
    fields.add(new HttpField("Cache-Control", "no-store"));
    return fields;
  }

  static void addTo(HttpFields.Mutable headers, boolean secure) {
    EnsuredHeaders.addMissing(headers, fields(secure));
  }
}
