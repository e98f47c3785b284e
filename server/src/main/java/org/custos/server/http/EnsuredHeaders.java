package org.custos.server.http;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response that gets the given headers now, and again just before it commits if something
 * (an error path that resets the response) removed them. A header the application set itself is
 * left alone.
 */
final class EnsuredHeaders extends Response.Wrapper {
  private final List<HttpField> fields;

  private EnsuredHeaders(Request request, Response wrapped, List<HttpField> fields) {
    super(request, wrapped);
    this.fields = fields;
  }

  static Response wrap(Request request, Response response, List<HttpField> fields) {
    addMissing(response.getHeaders(), fields);
    return new EnsuredHeaders(request, response, List.copyOf(fields));
  }

  static void addMissing(HttpFields.Mutable headers, List<HttpField> fields) {
    for (HttpField field : fields) {
      if (!headers.contains(field.getName())) {
        headers.add(field);
      }
    }
  }

  @Override
  public void write(boolean last, ByteBuffer content, Callback callback) {
    if (!isCommitted()) {
      addMissing(getHeaders(), fields);
    }
    super.write(last, content, callback);
  }
}
