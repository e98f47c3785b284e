package org.custos.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (a malformed request line, headers too large, 503 while shutting
 * down) in the same JSON shape as the application's, without Jetty's HTML, messages or stacks.
 */
final class ErrorJsonHandler extends ErrorHandler {
  ErrorJsonHandler() {
    setCacheControl("no-store");
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBody.MEDIA_TYPE);
    // Requests Jetty refuses before any handler (a malformed header) still get the headers.
    SecurityHeadersHandler.addTo(response.getHeaders(), request.isSecure());
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  private static byte[] body(int code) {
    String reason = HttpStatus.getMessage(code);
    String error = code == 503 ? "unavailable" : code == 404 ? "not-found" : "http-" + code;
    String detail = code == 503 ? "the server is shutting down or not ready; try again" : reason;
    return ErrorBody.of(error, detail);
  }
}
