package org.custos.bench.dicomweb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The packaged server ({@code custos.jar}) on a fresh instance folder, as an operator runs it:
 * {@code custos init}, {@code custos serve --port 0} (HTTPS with the self-signed certificate it
 * generates, SQLite index and file blobs, the defaults), and an API key with both scopes made by
 * {@code custos apikey create}. Clients pin the certificate. {@link #close} stops the server
 * with SIGTERM (a graceful stop) and leaves the folder.
 */
public final class CustosServer implements DicomWebServer {
  private static final Pattern HTTPS = Pattern.compile("HTTPS +(https://\\S+)");

  private final Process process;
  private final URI base;
  private final String apiKey;
  private final SSLContext tls;

  private CustosServer(Process process, URI base, String apiKey, SSLContext tls) {
    this.process = process;
    this.base = base;
    this.apiKey = apiKey;
    this.tls = tls;
  }

  /**
   * Deletes {@code home}, initialises a new instance there and serves it from {@code jar} in a JVM
   * with {@code jvmOptions} (e.g. {@code -Xmx2g}).
   */
  public static CustosServer start(Path jar, Path home, List<String> jvmOptions) throws Exception {
    Folders.delete(home);
    Files.createDirectories(home.getParent());
    run(List.of(java(), "-jar", jar.toString(), "init", "--home", home.toString()));
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "serve", "--home", home.toString(), "--port", "0"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      URI base = awaitStart(process);
      String key = run(List.of(java(), "-jar", jar.toString(), "apikey", "create", "--home", home.toString(),
          "--scope", "dicom.read,dicom.write", "--name", "bench")).lines().findFirst().orElseThrow();
      return new CustosServer(process, base, key, Tls.pinned(home.resolve("tls/self-signed.crt")));
    } catch (Exception | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  @Override
  public String name() {
    return "Custos";
  }

  @Override
  public URI root() {
    return base.resolve("/dicom-web");
  }

  /** The server's origin, e.g. {@code https://127.0.0.1:41234/}. */
  public URI base() {
    return base;
  }

  @Override
  public HttpClient newClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(root() + pathAndQuery)).header("Authorization", "Bearer " + apiKey);
  }

  @Override
  public long pid() {
    return process.pid();
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

  /** Reads the server's output until it serves; the rest of the output is drained in the background. */
  private static URI awaitStart(Process server) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    URI base = null;
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = HTTPS.matcher(line);
      if (m.find()) {
        base = URI.create(m.group(1));
      }
      if (line.startsWith("Serving.") && base != null) {
        Thread drain = new Thread(() -> drain(in), "custos-output");
        drain.setDaemon(true);
        drain.start();
        return base;
      }
    }
    throw new IllegalStateException("custos serve ended before it served:\n" + seen);
  }

  private static void drain(BufferedReader in) {
    try {
      while (in.readLine() != null) {
        // keep the pipe from filling; the server logs nothing the harness needs
      }
    } catch (IOException e) {
      // the server stopped
    }
  }

  /** Runs a CLI command to completion and returns its output; fails on a non-zero exit. */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
