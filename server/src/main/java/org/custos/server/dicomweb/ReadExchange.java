package org.custos.server.dicomweb;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.NotFoundException;
import org.custos.server.dicomweb.qido.QidoResponse;
import org.custos.server.http.Connections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a DICOMweb read answer reaches the wire (docs/dicomweb.md, "Contract for the routes").
 * Failures before the first byte — {@link DicomWebException}s and unknown resources — are answered
 * with {@link DicomWebErrors} (status and JSON body); anything else goes on to the server's
 * {@code HttpErrors}. A body streams straight to the response (a multipart body is never held in
 * memory). When stored data fails its integrity check after the response was committed, the
 * connection is aborted, so the client sees a broken transfer and never a complete-looking body;
 * before the commit, the buffered bytes are dropped and a 500 JSON error is sent instead. Any other
 * failure after the commit aborts the connection too, as no error can follow a started body.
 */
final class ReadExchange {
  private static final Logger LOG = LoggerFactory.getLogger(ReadExchange.class);

  /** Produces the answer; everything that can be refused is refused here, before streaming. */
  @FunctionalInterface
  interface Answer<T> {
    T get();
  }

  private ReadExchange() {}

  /** The answer, or empty after the refusal was sent as its status and JSON body. */
  private static <T> java.util.Optional<T> answered(Context ctx, Answer<T> answer) throws IOException {
    try {
      return java.util.Optional.of(answer.get());
    } catch (DicomWebException | NotFoundException e) {
      error(ctx, e);
      return java.util.Optional.empty();
    }
  }

  static void search(Context ctx, Answer<QidoResponse> answer) throws IOException {
    java.util.Optional<QidoResponse> answered = answered(ctx, answer);
    if (answered.isEmpty()) {
      return;
    }
    QidoResponse response = answered.get();
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType(response.contentType());
    res.setContentLengthLong(response.contentLength());
    response.warnings().forEach(warning -> res.addHeader("Warning", warning));
    try (OutputStream out = res.getOutputStream()) {
      response.writeTo(out);
    }
  }

  static void send(Context ctx, Answer<DicomWebResponse> answer) throws IOException {
    java.util.Optional<DicomWebResponse> answered = answered(ctx, answer);
    if (answered.isEmpty()) {
      return;
    }
    DicomWebResponse response = answered.get();
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType(response.contentType());
    response.contentLength().ifPresent(res::setContentLengthLong);
    OutputStream out = res.getOutputStream();
    try {
      response.writeTo(out);
    } catch (RuntimeException e) {
      if (!res.isCommitted()) {
        res.resetBuffer();
        if (e instanceof IntegrityFailureException) {
          error(ctx, e);
          return;
        }
        throw e;
      }
      // An integrity failure is already recorded as an INTEGRITY_FAILURE event by the archive; the
      // client must not see an ending that looks complete, so the connection goes down without the
      // closing delimiter (or the rest of a single-part body).
      LOG.warn("{} while streaming a DICOMweb response; aborting the connection", e.getClass().getSimpleName());
      Connections.abort(ctx, e);
      return;
    }
    out.close();
  }

  private static void error(Context ctx, Throwable failure) throws IOException {
    DicomWebErrors.ErrorResponse error = DicomWebErrors.of(failure);
    HttpServletResponse res = ctx.res();
    res.setStatus(error.status());
    res.setContentType(DicomWebErrors.MEDIA_TYPE);
    byte[] body = error.body();
    res.setContentLength(body.length);
    try (OutputStream out = res.getOutputStream()) {
      out.write(body);
    }
  }
}
