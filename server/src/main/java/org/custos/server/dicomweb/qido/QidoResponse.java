package org.custos.server.dicomweb.qido;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The answer of one search: a DICOM JSON array (PS3.18 F.2, {@value #MEDIA_TYPE}), possibly empty
 * (send 200 with {@code []}: DICOM CP-2473 replaces the older 204), and the HTTP {@code Warning}
 * header values to send with it (PS3.18 8.3.4: unsupported fuzzy, empty-value or multiple-value
 * matching; results cut at the server's maximum). The body holds PHI; {@code toString} does not.
 */
public final class QidoResponse {
  public static final String MEDIA_TYPE = "application/dicom+json";

  private final byte[] json;
  private final int resultCount;
  private final List<String> warnings;

  QidoResponse(byte[] json, int resultCount, List<String> warnings) {
    this.json = json;
    this.resultCount = resultCount;
    this.warnings = List.copyOf(warnings);
  }

  public String contentType() {
    return MEDIA_TYPE;
  }

  /** Values for HTTP {@code Warning} headers, one header each, e.g. {@code 299 https://host/dicom-web: ...}. */
  public List<String> warnings() {
    return warnings;
  }

  public int resultCount() {
    return resultCount;
  }

  public long contentLength() {
    return json.length;
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(json);
  }

  /** The JSON body (a copy). */
  public byte[] body() {
    return json.clone();
  }

  @Override
  public String toString() {
    return "QidoResponse[" + resultCount + " results, " + warnings.size() + " warnings]";
  }
}
