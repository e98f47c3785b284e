package org.custos.bench.dicomweb;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * WADO-RS Retrieve Instance (PS3.18 10.4): {@code GET .../instances/{i}} with
 * {@code Accept: multipart/related; type="application/dicom"; transfer-syntax=*}, one instance per
 * request. {@code transfer-syntax=*} asks for the stored bytes: without it, PS3.18 (since 2016c)
 * asks for Explicit VR Little Endian, which Orthanc's plugin honours by transcoding implicit, big
 * endian and compressed objects while Custos sends them as stored (docs/dicomweb.md); with it, both
 * send the same bytes. Every answer must be 200 with one part equal, byte for byte, to the file
 * that was stored; anything else fails the run.
 */
public final class Wado {
  public static final String ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

  private Wado() {}

  public static Run retrieve(DicomWebServer server, List<StoredFile> files, int clients) throws InterruptedException {
    return Clients.run(server, clients, files.size(), (client, index) -> {
      StoredFile stored = files.get(index);
      HttpResponse<byte[]> answer = client.send(
          server.request(stored.instancePath()).header("Accept", ACCEPT).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(server.name() + " WADO-RS answered " + answer.statusCode() + " for file "
            + stored.file().getFileName());
      }
      byte[] part = Multipart.onlyPart(answer.headers().firstValue("Content-Type").orElse(""), answer.body());
      if (!Arrays.equals(part, Files.readAllBytes(stored.file()))) {
        throw new IllegalStateException(server.name() + " WADO-RS sent other bytes (" + part.length + ") than stored ("
            + stored.sizeBytes() + ") for file " + stored.file().getFileName());
      }
      return new Clients.Moved(1, part.length);
    });
  }
}
