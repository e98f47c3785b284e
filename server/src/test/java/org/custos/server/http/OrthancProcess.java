package org.custos.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Orthanc (Debian's {@code /usr/sbin/Orthanc} with the DICOMweb plugin) on free loopback
 * ports, with its storage and index in a folder of the test and one remote DICOMweb server
 * declared. It never touches the system service's configuration, ports or data, so whether apt
 * started that service does not matter. Its own output goes to {@code orthanc.log} in the folder,
 * never to the test output. Not thread-safe.
 */
final class OrthancProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/Orthanc");
  static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
  private static final long START_SECONDS = 30;

  /** A DICOMweb server Orthanc may call: its name in Orthanc's REST API, URL and extra headers. */
  record Remote(String name, URI url, Map<String, String> headers) {
    Remote {
      headers = Map.copyOf(headers);
    }
  }

  final URI root;
  final HttpClient client;
  private final Process process;
  private final Path log;

  private OrthancProcess(URI root, Process process, Path log) {
    this.root = root;
    this.process = process;
    this.log = log;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Starts Orthanc in {@code dir}; it trusts exactly {@code trustedCertificate} for HTTPS calls. */
  static OrthancProcess start(Path dir, Remote remote, Path trustedCertificate) throws Exception {
    for (Path required : List.of(BINARY, DICOMWEB_PLUGIN)) {
      if (!Files.exists(required)) {
        throw new IllegalStateException(required + " is missing: install the Debian packages orthanc and "
            + "orthanc-dicomweb (./run-tests does)");
      }
    }
    Files.createDirectories(dir.resolve("storage"));
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken between probe and bind
      int httpPort = freePort();
      Path config = dir.resolve("orthanc.json");
      Files.writeString(config, Http.JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(configuration(dir, httpPort, freePort(), remote, trustedCertificate)));
      Path log = dir.resolve("orthanc.log");
      Process process = new ProcessBuilder(BINARY.toString(), config.toString()).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      OrthancProcess orthanc = new OrthancProcess(URI.create("http://127.0.0.1:" + httpPort), process, log);
      try {
        orthanc.awaitSystem();
        return orthanc;
      } catch (IllegalStateException e) {
        orthanc.close();
        failure = e;
      }
    }
    throw failure;
  }

  private static ObjectNode configuration(Path dir, int httpPort, int dicomPort, Remote remote, Path certificate) {
    ObjectNode config = Http.JSON.createObjectNode();
    config.put("Name", "custos-interop-test");
    config.put("StorageDirectory", dir.resolve("storage").toString());
    config.put("IndexDirectory", dir.resolve("storage").toString());
    config.put("HttpPort", httpPort);
    config.put("RemoteAccessAllowed", false); // Orthanc 1.10 binds every interface: answer loopback only
    config.put("AuthenticationEnabled", false);
    config.put("DicomPort", dicomPort);
    config.put("DicomServerEnabled", false); // the test speaks DICOMweb only: no DIMSE listener at all
    config.put("SaveJobs", false);
    // Orthanc's DICOMweb answers are encoded in DefaultEncoding (Latin-1 unless told otherwise),
    // which drops the Greek, Cyrillic, Arabic and CJK names of the corpus; UTF-8 keeps them, so
    // the comparison checks both servers' decoding of every character set instead.
    config.put("DefaultEncoding", "Utf8");
    config.putArray("Plugins").add(DICOMWEB_PLUGIN.toString());
    config.put("HttpsVerifyPeers", true);
    config.put("HttpsCACertificates", certificate.toString());
    ObjectNode dicomWeb = config.putObject("DicomWeb");
    dicomWeb.put("Enable", true);
    dicomWeb.put("Root", "/dicom-web/");
    ObjectNode server = dicomWeb.putObject("Servers").putObject(remote.name());
    server.put("Url", remote.url().toString());
    ObjectNode headers = server.putObject("HttpHeaders");
    remote.headers().forEach(headers::put);
    return config;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitSystem() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Orthanc exited " + process.exitValue() + " at start-up: " + logTail());
      }
      try {
        if (get("/system").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Orthanc did not answer /system within " + START_SECONDS + " s: " + logTail());
  }

  /** The end of Orthanc's own log, for start-up failures only (nothing is stored yet, so no PHI). */
  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(root.resolve(path)).header("Accept", "application/dicom+json, */*")
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, byte[] body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, JsonNode body) throws IOException, InterruptedException {
    return post(path, Http.JSON.writeValueAsBytes(body));
  }

  /** A GET that must answer 200 with JSON. */
  JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Orthanc answered " + response.statusCode() + " to GET " + path);
    }
    return Http.JSON.readTree(response.body());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, as the service manager stops it; waits so that its index is closed before the folder goes. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
