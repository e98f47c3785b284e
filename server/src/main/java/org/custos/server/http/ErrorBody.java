package org.custos.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON body of every error response: {@code {"error": "<code>", "detail": "<text>"}}. */
public final class ErrorBody {
  public static final String MEDIA_TYPE = "application/json";
  private static final JsonFactory JSON = new JsonFactory();

  private ErrorBody() {}

  public static byte[] of(String error, String detail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("error", error);
      json.writeStringField("detail", detail);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }
}
