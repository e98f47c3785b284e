package org.custos.server.http;

import io.javalin.http.Context;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * What a route may do to its connection beyond the response. Jetty stays behind this class, so
 * route families (DICOMweb) depend on Javalin only.
 */
public final class Connections {
  private Connections() {}

  /**
   * Aborts the exchange of {@code ctx}: Jetty fails the response and closes the connection without
   * completing the body (no final chunk, no more bytes), so the client sees a broken transfer and
   * never a body that looks complete. For failures after the response was committed.
   */
  public static void abort(Context ctx, Throwable cause) {
    Objects.requireNonNull(cause, "cause");
    ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(cause);
  }
}
