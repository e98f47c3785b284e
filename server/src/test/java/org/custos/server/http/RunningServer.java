package org.custos.server.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.custos.archive.Archive;
import org.custos.archive.principals.ApiKeys;
import org.custos.server.home.CustosInstance;
import org.custos.server.home.HomeInitializer;

/**
 * {@code custos serve} from the shaded jar the build just packaged, on an instance folder made
 * for the test, on port 0: the test reads the ports and the fingerprint from its output, trusts
 * exactly the certificate it generated, and stops it with SIGTERM as an operator would.
 */
final class RunningServer implements AutoCloseable {
  private static final Pattern HTTPS = Pattern.compile("HTTPS +https://127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern HTTP = Pattern.compile("HTTP +http://127\\.0\\.0\\.1:(\\d+)");

  final Path home;
  final Process process;
  final List<String> lines;
  final URI https;
  final Optional<URI> http;
  final HttpClient client;
  final X509Certificate certificate;
  private Thread reader;

  private RunningServer(Path home, Process process, List<String> lines, URI https, Optional<URI> http) throws Exception {
    this.home = home;
    this.process = process;
    this.lines = lines;
    this.https = https;
    this.http = http;
    this.certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(home.resolve("tls/self-signed.crt")));
    this.client = newClient();
  }

  /** A fresh instance folder with these extra lines in custos.conf. */
  static Path newHome(Path dir, String... configLines) throws IOException {
    Path home = dir.resolve("home");
    HomeInitializer.init(home, HomeInitializer.Seal.KEY_FILE, Map.of());
    Files.writeString(home.resolve("custos.conf"), "\n" + String.join("\n", configLines) + "\n", StandardOpenOption.APPEND);
    return home;
  }

  static RunningServer start(Path home, String... extraArgs) throws Exception {
    Path jar = Path.of("target", "custos.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("target/custos.jar is missing: run the integration tests through `mvn verify`");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar.toString(), "serve", "--home", home.toString(), "--port", "0"));
    command.addAll(List.of(extraArgs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "custos-serve-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String output = joined(lines);
      if (output.contains("Serving.")) {
        Matcher https = HTTPS.matcher(output);
        Matcher http = HTTP.matcher(output);
        https.find();
        RunningServer server = new RunningServer(home, process, lines, URI.create("https://127.0.0.1:" + https.group(1)),
            http.find() ? Optional.of(URI.create("http://127.0.0.1:" + http.group(1))) : Optional.empty());
        server.reader = reader;
        return server;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("custos serve exited " + process.exitValue() + ": " + output);
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("custos serve did not start within 60 s: " + joined(lines));
  }

  /** The output so far; the reader thread appends meanwhile, so iterate under the list's lock. */
  private static String joined(List<String> lines) {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** An HTTP/1.1 client that trusts only this server's certificate. */
  HttpClient newClient() throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(sslContext())
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  SSLContext sslContext() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("custos", certificate);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  URI url(String path) {
    return https.resolve(path);
  }

  /** STOW-RS of a multipart body to {@code /dicom-web/studies} with this bearer credential. */
  java.net.http.HttpResponse<String> stow(String credential, byte[] body) throws IOException, InterruptedException {
    return Stow.post(client, url("/dicom-web/studies"), credential, body);
  }

  /** A key created beside the running server, as `custos apikey create` does. */
  String apiKey(Set<String> scopes, Optional<Duration> validity) {
    try (CustosInstance instance = CustosInstance.openShared(home, Map.of())) {
      return new ApiKeys(instance.archive().context()).create("test", scopes, validity).token();
    }
  }

  void revoke(String token) {
    try (CustosInstance instance = CustosInstance.openShared(home, Map.of())) {
      new ApiKeys(instance.archive().context()).revoke(token.substring(4, 20));
    }
  }

  /** Runs {@code work} on the archive beside the running server (reads only). */
  <T> T withArchive(java.util.function.Function<Archive, T> work) {
    try (CustosInstance instance = CustosInstance.openShared(home, Map.of())) {
      return work.apply(instance.archive());
    }
  }

  java.util.List<org.custos.archive.index.InstanceRow> versions(String sopInstanceUid) {
    return withArchive(archive -> archive.versions(sopInstanceUid));
  }

  long countInstances() {
    return withArchive(Archive::countInstances);
  }

  long blobFiles() throws IOException {
    try (var walk = Files.walk(home.resolve("blobs"))) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  /** SIGTERM (without closing our end of its output, as Process.destroy would), then waits; returns the exit status. */
  int terminate(long seconds) throws InterruptedException {
    signalTerm();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("custos serve did not stop within " + seconds + " s");
    }
    reader.join(5000); // the last lines
    return process.exitValue();
  }

  void signalTerm() {
    process.toHandle().destroy();
  }

  String output() {
    return joined(lines);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        terminate(60);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
