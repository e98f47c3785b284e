package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What a running server holds, counted three ways: versions in the index, blob files on disk, and
 * studies a QIDO-RS search finds. Equal before and after a refused request means nothing of it was
 * kept, not even a blob without an index row.
 */
record ArchiveState(long versions, long blobs, int studies) {
  static ArchiveState of(RunningServer server, String readerToken) throws IOException, InterruptedException {
    HttpResponse<String> search = server.client.send(HttpRequest.newBuilder(server.url("/dicom-web/studies?limit=1000"))
        .header("Authorization", "Bearer " + readerToken).header("Accept", "application/dicom+json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    return new ArchiveState(server.countInstances(), server.blobFiles(), Http.JSON.readTree(search.body()).size());
  }

  /** QIDO-RS finds no instance with this SOP Instance UID. */
  static void assertNotFoundByQido(RunningServer server, String readerToken, String sopInstanceUid)
      throws IOException, InterruptedException {
    HttpResponse<String> search = server.client.send(HttpRequest.newBuilder(
        server.url("/dicom-web/instances?SOPInstanceUID=" + sopInstanceUid))
        .header("Authorization", "Bearer " + readerToken).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(Http.JSON.readTree(search.body())).as("QIDO-RS for a refused instance").isEmpty();
  }
}
