package org.custos.bench.orthanc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.custos.bench.dicomweb.DicomWebServer;
import org.custos.bench.dicomweb.StoredFile;
import org.custos.bench.dicomweb.Tls;

/**
 * A trivial DICOMweb endpoint inside the harness JVM, to measure what the clients alone can do on
 * this machine: STOW-RS bodies are read and dropped (answer 200, {@code {}}), WADO-RS answers the
 * stored file from disk in one part. Over plain HTTP or over HTTPS with a throw-away ECDSA key
 * (TLS 1.3, as the clients negotiate with Custos). Its CPU is the harness's own, so the figure is
 * the clients and a server doing nothing, sharing the same cores.
 */
final class Sink implements DicomWebServer {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold every response for ~40 ms. Read once, when the server
    // classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String PASSWORD = "bench-sink";
  private static final String BOUNDARY = "sink-boundary";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final Map<String, StoredFile> bySop;
  private final SSLContext clientTls;
  private final String scheme;

  private Sink(HttpServer server, List<StoredFile> files, SSLContext clientTls, String scheme) {
    this.server = server;
    this.bySop = files.stream().collect(Collectors.toMap(StoredFile::sopUid, Function.identity()));
    this.clientTls = clientTls;
    this.scheme = scheme;
    server.createContext("/dicom-web/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static Sink plain(List<StoredFile> files) throws IOException {
    return new Sink(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64), files, null,
        "http");
  }

  /** Over HTTPS with a key made by keytool in {@code folder}. */
  static Sink tls(List<StoredFile> files, Path folder) throws Exception {
    Path store = folder.resolve("sink.p12");
    Files.deleteIfExists(store);
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "sink", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
        store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD.toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    return new Sink(server, files, Tls.pinned(keys.getCertificate("sink")), "https");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
      String path = exchange.getRequestURI().getPath();
      if (exchange.getRequestMethod().equals("POST")) {
        respond(exchange, "application/dicom+json", "{}".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      StoredFile file = bySop.get(path.substring(path.lastIndexOf('/') + 1));
      if (file == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] dicom = Files.readAllBytes(file.file());
      exchange.getResponseHeaders().set("Content-Type",
          "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
      exchange.sendResponseHeaders(200, head.length + dicom.length + tail.length);
      OutputStream out = exchange.getResponseBody();
      out.write(head);
      out.write(dicom);
      out.write(tail);
    }
  }

  private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public String name() {
    return "sink (" + scheme + ")";
  }

  @Override
  public URI root() {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
  }

  @Override
  public HttpClient newClient() {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    return (clientTls == null ? builder : builder.sslContext(clientTls)).build();
  }

  @Override
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(root() + pathAndQuery));
  }

  @Override
  public long pid() {
    return ProcessHandle.current().pid();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
