package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server (the packaged jar, {@code custos serve}) over HTTPS with its generated
 * certificate: TLS versions and suites, security headers, health, API keys and CORS.
 */
class WebServerIT {
  static final String ORIGIN = "https://viewer.example";

  @TempDir
  static Path dir;
  static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(RunningServer.newHome(dir, "server.cors.allowed-origins=" + ORIGIN + ", http://localhost:3000"),
        "--http-port", "0");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    int status = server.terminate(60);
    assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
    assertThat(server.output()).as("exit " + status).contains("Custos stopped.");
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> stow(String token) throws IOException, InterruptedException {
    return server.stow(token, Stow.body(Corpus.fresh().bytes()));
  }

  @Test
  void startup_printsTheCertificatesSha256Fingerprint_andTheKeyFileIsOwnerOnly() throws Exception {
    assertThat(server.output()).contains("SHA-256        " + org.custos.server.http.tls.TlsMaterial.fingerprint(server.certificate));
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(server.home.resolve("tls/self-signed.key")))).isEqualTo("rw-------");
    assertThat(server.certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
        .contains("localhost", "127.0.0.1");
  }

  @Test
  void healthAndReadiness_areAnonymous() throws Exception {
    HttpResponse<String> health = get("/healthz");
    HttpResponse<String> ready = get("/readyz");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(Http.json(health).path("status").asText()).isEqualTo("ok");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(Http.json(ready).path("status").asText()).isEqualTo("ready");
    assertThat(health.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
  }

  @Test
  void everyResponse_carriesTheSecurityHeaders_andHstsOnlyOverHttps() throws Exception {
    List<HttpResponse<String>> responses = new ArrayList<>();
    responses.add(get("/healthz"));
    responses.add(get("/no/such/route"));
    responses.add(stow(null));
    responses.add(get("/dicom-web/studies", "Origin", ORIGIN, "Access-Control-Request-Method", "GET"));
    responses.add(server.client.send(HttpRequest.newBuilder(server.url("/healthz"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString()));
    assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 404, 401, 401, 204);
    for (HttpResponse<String> response : responses) {
      assertSecurityHeaders(response);
      assertThat(Http.header(response, "Strict-Transport-Security")).as(response.uri().toString())
          .isEqualTo("max-age=31536000");
    }

    HttpResponse<String> plain = server.client.send(HttpRequest.newBuilder(server.http.orElseThrow().resolve("/healthz"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(200);
    assertSecurityHeaders(plain);
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  static void assertSecurityHeaders(HttpResponse<?> response) {
    assertThat(Http.header(response, "Content-Security-Policy")).as(response.uri() + " CSP")
        .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(Http.header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(Http.header(response, "X-Frame-Options")).isEqualTo("DENY");
    assertThat(Http.header(response, "Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void unknownRoutes_are404_inJson() throws Exception {
    HttpResponse<String> response = get("/dicom-web/nothing-here");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.header(response, "Content-Type")).startsWith("application/json");
    assertThat(Http.json(response).path("error").asText()).isEqualTo("not-found");
  }

  @Test
  void tls13And12_withAeadSuites_areAccepted_tls11AndCbcSuitesAreRefused() throws Exception {
    assertThat(probe("TLSv1.3")).startsWith("OK TLSv1.3 TLS_AES_");
    assertThat(probe("TLSv1.2")).matches("OK TLSv1\\.2 TLS_ECDHE_ECDSA_WITH_(AES_\\d+_GCM_SHA\\d+|CHACHA20_POLY1305_SHA256)");
    // The child JVM re-enables TLS 1.1 and 1.0, so these refusals are the server's own (protocol_version alert).
    assertThat(probe("TLSv1.1")).startsWith("REFUSED").contains("protocol_version");
    assertThat(probe("TLSv1")).startsWith("REFUSED").contains("protocol_version");
    assertThat(probe("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")).startsWith("REFUSED").contains("handshake_failure");
  }

  private static String probe(String... protocolAndSuite) throws Exception {
    Path security = dir.resolve("old-tls.security");
    Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
        + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.security.properties=" + security, "-cp", Path.of("target", "test-classes").toString(),
        TlsProbe.class.getName(), "127.0.0.1", String.valueOf(server.https.getPort()),
        server.home.resolve("tls/self-signed.crt").toString()));
    command.addAll(List.of(protocolAndSuite));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  @Test
  void noCredential_is401_withABearerChallenge() throws Exception {
    HttpResponse<String> response = stow(null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.header(response, "WWW-Authenticate")).isEqualTo("Bearer realm=\"custos\"");
    assertThat(Http.json(response).path("error").asText()).isEqualTo("unauthenticated");
    assertThat(Http.json(response).path("detail").asText()).contains("Authorization: Bearer");
  }

  @Test
  void wrongKeys_are401_andNeverEchoed() throws Exception {
    String real = server.apiKey(Set.of("dicom.write"), Optional.empty());
    String wrongSecret = real.substring(0, real.length() - 4) + (real.endsWith("0000") ? "1111" : "0000");
    for (String wrong : List.of(wrongSecret, "cst_0123456789abcdef_" + "ab".repeat(32), "cst_short", "not-a-key-at-all")) {
      HttpResponse<String> response = stow(wrong);
      assertThat(response.statusCode()).as(wrong).isEqualTo(401);
      assertThat(Http.header(response, "WWW-Authenticate")).isEqualTo("Bearer realm=\"custos\", error=\"invalid_token\"");
      assertThat(response.body()).doesNotContain(wrong);
      if (wrong.length() > 21) {
        assertThat(response.body()).doesNotContain(wrong.substring(21));
      }
      assertThat(response.headers().map().toString()).doesNotContain(wrong);
    }
    HttpResponse<String> basic = server.client.send(Stow.request(server.url("/dicom-web/studies"), null)
        .header("Authorization", "Basic dXNlcjpwYXNz").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(Http.json(basic).path("detail").asText()).contains("Bearer scheme");
  }

  @Test
  void revokedAndExpiredKeys_are401_withTheirReason() throws Exception {
    String revoked = server.apiKey(Set.of("dicom.write"), Optional.empty());
    assertThat(stow(revoked).statusCode()).isEqualTo(200);
    server.revoke(revoked);
    HttpResponse<String> afterRevocation = stow(revoked);
    assertThat(afterRevocation.statusCode()).isEqualTo(401);
    assertThat(Http.json(afterRevocation).path("detail").asText()).isEqualTo("the API key was revoked");

    String expiring = server.apiKey(Set.of("dicom.write"), Optional.of(Duration.ofMillis(1)));
    Thread.sleep(20);
    HttpResponse<String> expired = stow(expiring);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(Http.json(expired).path("detail").asText()).isEqualTo("the API key has expired");
  }

  @Test
  void readOnlyKey_cannotStore_403InsufficientScope_andNothingIsStored() throws Exception {
    String reader = server.apiKey(Set.of("dicom.read"), Optional.empty());
    long blobs = server.blobFiles();
    HttpResponse<String> response = stow(reader);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.header(response, "WWW-Authenticate")).isEqualTo("Bearer realm=\"custos\", error=\"insufficient_scope\"");
    assertThat(Http.json(response).path("detail").asText()).isEqualTo("store needs the scope dicom.write");
    assertThat(server.blobFiles()).isEqualTo(blobs);
  }

  @Test
  void corsPreflight_isAnsweredWithoutCredentials_forAllowedOriginsOnly() throws Exception {
    HttpResponse<String> allowed = server.client.send(HttpRequest.newBuilder(server.url("/dicom-web/studies/1.2.3/series/4/instances/5/frames/1"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization, accept, x-unknown").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(Http.header(allowed, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(Http.header(allowed, "Access-Control-Allow-Methods")).contains("GET").contains("POST");
    assertThat(Http.header(allowed, "Access-Control-Allow-Headers")).isEqualTo("Authorization, accept");
    assertThat(Http.header(allowed, "Access-Control-Max-Age")).isEqualTo("600");
    assertThat(allowed.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));

    HttpResponse<String> other = server.client.send(HttpRequest.newBuilder(server.url("/dicom-web/studies"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(Http.json(other).path("error").asText()).isEqualTo("cors-origin-not-allowed");
  }

  @Test
  void corsResponses_exposeTheHeadersClientsNeed_onSuccessAndOn401() throws Exception {
    String writer = server.apiKey(Set.of("dicom.write"), Optional.empty());
    for (String token : new String[] {null, writer}) {
      HttpRequest.Builder request = Stow.request(server.url("/dicom-web/studies"), token).header("Origin", "http://localhost:3000")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Stow.body(Corpus.fresh().bytes())));
      HttpResponse<String> response = server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(token == null ? 401 : 200);
      assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
      assertThat(Http.header(response, "Access-Control-Expose-Headers")).contains("Authorization")
          .contains("WWW-Authenticate").contains("Warning").contains("Content-Location");
      assertSecurityHeaders(response);
    }
    HttpResponse<String> notAllowed = get("/healthz", "Origin", "https://evil.example");
    assertThat(notAllowed.statusCode()).isEqualTo(200);
    assertThat(notAllowed.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
