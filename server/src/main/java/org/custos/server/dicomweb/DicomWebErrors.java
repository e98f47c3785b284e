package org.custos.server.dicomweb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;

/**
 * The one place that maps what the DICOMweb services throw to an HTTP status and a JSON error
 * body ({@code {"status":400,"error":"Bad Request","parameter":"StudyDate","message":"..."}}).
 * Messages of request errors are passed through (they name parameters, never values); anything
 * else gets a fixed text, since its message may name internal ids or paths. Stateless.
 */
public final class DicomWebErrors {
  /** The media type of {@link ErrorResponse#body()}. */
  public static final String MEDIA_TYPE = "application/json";
  private static final JsonFactory JSON = new JsonFactory();

  /** Status, reason phrase and the JSON body of one failed request. */
  public record ErrorResponse(int status, String reason, byte[] body) {
    public ErrorResponse {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  private DicomWebErrors() {}

  public static int statusOf(Throwable failure) {
    if (failure instanceof InvalidRequestException) {
      return 400;
    }
    if (failure instanceof ResourceNotFoundException || failure instanceof NotFoundException) {
      return 404;
    }
    if (failure instanceof NotAcceptableException) {
      return 406;
    }
    if (failure instanceof StorageException) {
      return 503;
    }
    return 500;
  }

  public static ErrorResponse of(Throwable failure) {
    int status = statusOf(failure);
    String reason = switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 406 -> "Not Acceptable";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
    String message;
    if (failure instanceof DicomWebException) {
      message = failure.getMessage();
    } else if (failure instanceof NotFoundException) {
      message = "not found";
    } else if (failure instanceof IntegrityFailureException) {
      message = "stored data failed its integrity check; the transfer was stopped and the failure recorded";
    } else if (failure instanceof StorageException) {
      message = "the archive's storage is not available";
    } else {
      message = "internal error";
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("status", status);
      g.writeStringField("error", reason);
      if (failure instanceof InvalidRequestException invalid) {
        g.writeStringField("parameter", invalid.parameter());
      }
      g.writeStringField("message", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ErrorResponse(status, reason, out.toByteArray());
  }
}
