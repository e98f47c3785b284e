package org.custos.bench.dicomweb;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * STOW-RS (PS3.18 10.5): {@code POST /studies} of multipart/related bodies, {@code perRequest}
 * files per body. A request counts only when the server answers 200 and its Store Instances
 * Response lists no Failed SOP Sequence items; anything else fails the run with the status and the
 * start of the answer. The files are read and the body assembled in the client, inside the timed
 * request (from the page cache: the harness has just written them).
 */
public final class Stow {
  // (0008,1198) Failed SOP Sequence with a Value, whatever the key order of the JSON object.
  private static final Pattern FAILED = Pattern.compile(
      "\"00081198\"\\s*:\\s*\\{\\s*(\"vr\"\\s*:\\s*\"SQ\"\\s*,\\s*)?\"Value\"");

  private Stow() {}

  public static Run store(DicomWebServer server, List<Path> files, int clients, int perRequest)
      throws InterruptedException {
    List<List<Path>> batches = new ArrayList<>();
    for (int i = 0; i < files.size(); i += perRequest) {
      batches.add(files.subList(i, Math.min(files.size(), i + perRequest)));
    }
    return Clients.run(server, clients, batches.size(), (client, index) -> {
      List<byte[]> parts = new ArrayList<>();
      long bytes = 0;
      for (Path file : batches.get(index)) {
        byte[] part = Files.readAllBytes(file);
        parts.add(part);
        bytes += part.length;
      }
      HttpResponse<String> answer = client.send(server.request("/studies")
          .header("Content-Type", Multipart.STOW_CONTENT_TYPE)
          .header("Accept", "application/dicom+json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.stowBody(parts))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200 || FAILED.matcher(answer.body()).find()) {
        String body = answer.body();
        throw new IllegalStateException(server.name() + " STOW-RS answered " + answer.statusCode() + ": "
            + body.substring(0, Math.min(600, body.length())));
      }
      return new Clients.Moved(parts.size(), bytes);
    });
  }
}
