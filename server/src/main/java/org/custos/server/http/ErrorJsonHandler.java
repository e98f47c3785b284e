package org.custos.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
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
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ErrorBody.MEDIA_TYPE);
    SecurityHeadersHandler.addTo(fields, false);
    return ByteBuffer.wrap(body(status));
  }

  private static byte[] body(int code) {
    String reason = HttpStatus.getMessage(code);
    String error = code == 503 ? "unavailable" : code == 404 ? "not-found" : "http-" + code;
    String detail = code == 503 ? "the server is shutting down or not ready; try again" : reason;
    return ErrorBody.of(error, detail);
  }
}
