package org.custos.bench.orthanc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.bench.dicomweb.DicomWebServer;

/**
 * Orthanc with its DICOMweb plugin, as Debian installs it, on a fresh folder: a temporary JSON
 * configuration with free loopback ports for HTTP and DICOM, its default SQLite index and file
 * storage in the folder, remote access off (so no credential is asked), everything else at its
 * defaults. Plain HTTP: Orthanc's defaults have no TLS. {@link #close} stops it with SIGTERM.
 */
final class OrthancServer implements DicomWebServer {
  private final Process process;
  private final URI base;

  private OrthancServer(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  static OrthancServer start(Path executable, Path dicomWebPlugin, Path folder) throws Exception {
    Files.createDirectories(folder.resolve("storage"));
    int httpPort = freePort();
    int dicomPort = freePort();
    String config = """
        {
          "Name": "custos-bench",
          "StorageDirectory": "%1$s",
          "IndexDirectory": "%1$s",
          "HttpPort": %2$d,
          "DicomPort": %3$d,
          "RemoteAccessAllowed": false,
          "AuthenticationEnabled": false,
          "Plugins": ["%4$s"],
          "DicomWeb": {"Enable": true, "Root": "/dicom-web/"}
        }
        """.formatted(folder.resolve("storage").toAbsolutePath(), httpPort, dicomPort, dicomWebPlugin.toAbsolutePath());
    Path configFile = folder.resolve("orthanc.json");
    Files.writeString(configFile, config);
    Process process = new ProcessBuilder(executable.toString(), configFile.toString()).redirectErrorStream(true)
        .redirectOutput(folder.resolve("orthanc.log").toFile()).start();
    OrthancServer server = new OrthancServer(process, URI.create("http://127.0.0.1:" + httpPort));
    try {
      server.awaitStart(folder.resolve("orthanc.log"));
      return server;
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "Orthanc";
  }

  @Override
  public URI root() {
    return base.resolve("/dicom-web");
  }

  @Override
  public HttpClient newClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(root() + pathAndQuery));
  }

  @Override
  public long pid() {
    return process.pid();
  }

  /** Orthanc's own count of stored instances ({@code GET /statistics}). */
  long storedInstances() throws IOException, InterruptedException {
    String body = newClient().send(HttpRequest.newBuilder(base.resolve("/statistics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("\"CountInstances\"\\s*:\\s*(\\d+)").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no CountInstances in Orthanc's /statistics");
    }
    return Long.parseLong(m.group(1));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitStart(Path log) throws IOException, InterruptedException {
    HttpClient client = newClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Orthanc exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (client.send(HttpRequest.newBuilder(base.resolve("/system")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Orthanc did not answer within 60 s:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
