package org.custos.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** STOW-RS requests and responses for tests: multipart bodies, and the DICOM JSON answer. */
final class Stow {
  static final String BOUNDARY = "custos-test-4b1d";
  static final String CONTENT_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

  private Stow() {}

  /** One part: its Content-Type header (null for none) and bytes. */
  record Part(String contentType, byte[] bytes) {
    static Part dicom(byte[] bytes) {
      return new Part("application/dicom", bytes);
    }
  }

  static byte[] body(List<Part> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\n" + (part.contentType() == null ? "" : "Content-Type: " + part.contentType()
          + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(part.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static byte[] body(byte[]... dicom) {
    List<Part> parts = new ArrayList<>();
    for (byte[] d : dicom) {
      parts.add(Part.dicom(d));
    }
    return body(parts);
  }

  static HttpRequest.Builder request(URI url, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).header("Content-Type", CONTENT_TYPE)
        .header("Accept", "application/dicom+json");
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  static HttpResponse<String> post(HttpClient client, URI url, String token, byte[] body)
      throws IOException, InterruptedException {
    return client.send(request(url, token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The DICOM JSON response. */
  record Answer(JsonNode json) {
    static Answer of(HttpResponse<String> response) throws IOException {
      return new Answer(Http.json(response));
    }

    List<JsonNode> items(String tag) {
      List<JsonNode> items = new ArrayList<>();
      JsonNode values = json.path(tag).path("Value");
      values.forEach(items::add);
      return items;
    }

    List<JsonNode> referenced() {
      return items("00081199");
    }

    List<JsonNode> failed() {
      return items("00081198");
    }

    List<JsonNode> otherFailures() {
      return items("0008119A");
    }

    List<String> referencedUids() {
      return referenced().stream().map(i -> value(i, "00081155")).toList();
    }

    String retrieveUrl() {
      return value(json, "00081190");
    }

    static String value(JsonNode item, String tag) {
      JsonNode value = item.path(tag).path("Value");
      return value.isArray() && value.size() > 0 ? value.get(0).asText() : null;
    }

    static int reason(JsonNode item, String tag) {
      return item.path(tag).path("Value").get(0).asInt();
    }
  }
}
