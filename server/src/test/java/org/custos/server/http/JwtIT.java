package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.custos.server.auth.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth2 bearer JWTs on the packaged server, with an issuer key generated here and configured as a
 * PEM public key: a valid token stores, and each broken one is a 401 that names its problem.
 */
class JwtIT {
  @TempDir
  static Path dir;
  static RunningServer server;
  static KeyPair issuer;

  @BeforeAll
  static void start() throws Exception {
    issuer = Tokens.rsa();
    Path pem = Tokens.publicKeyPem(issuer, dir.resolve("issuer.pem"));
    server = RunningServer.start(RunningServer.newHome(dir, "auth.jwt.issuer=" + Tokens.ISSUER,
        "auth.jwt.audience=" + Tokens.AUDIENCE, "auth.jwt.public-key-file=" + pem));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  static HttpResponse<String> stow(String token) throws Exception {
    return server.stow(token, Stow.body(Corpus.fresh().bytes()));
  }

  @Test
  void aValidToken_stores_andTheInstanceIsRecordedAsFromItsSubject() throws Exception {
    Corpus.Fresh fresh = Corpus.fresh();
    HttpResponse<String> response = Stow.post(server.client, server.url("/dicom-web/studies"),
        Tokens.sign(issuer, Tokens.claims().build()), Stow.body(fresh.bytes()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.versions(fresh.sop())).singleElement()
        .satisfies(row -> assertThat(row.source()).isEqualTo("stow-rs:jwt:alice"));
  }

  @Test
  void aReadOnlyToken_is403() throws Exception {
    HttpResponse<String> response = stow(Tokens.sign(issuer, Tokens.claims().claim("scope", "dicom.read").build()));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.json(response).path("detail").asText()).isEqualTo("store needs the scope dicom.write");
  }

  @Test
  void expiredWrongAudienceWrongIssuerAndForeignSignature_are401_withoutEchoingTheToken() throws Exception {
    String[][] cases = {
        {Tokens.sign(issuer, Tokens.claims().expirationTime(Tokens.ago(Duration.ofMinutes(5))).build()), "the token has expired"},
        {Tokens.sign(issuer, Tokens.claims().audience("another-api").build()), "the token is not meant for this server (audience)"},
        {Tokens.sign(issuer, Tokens.claims().issuer("https://evil.example").build()), "the token was not issued by the configured issuer"},
        {Tokens.sign(Tokens.rsa(), Tokens.claims().build()), "the token's signature does not verify"},
        {Tokens.hmacWithPublicKey(issuer, Tokens.claims().build()), "the token's signature does not verify"},
    };
    long blobs = server.blobFiles();
    for (String[] c : cases) {
      HttpResponse<String> response = stow(c[0]);
      assertThat(response.statusCode()).as(c[1]).isEqualTo(401);
      assertThat(Http.header(response, "WWW-Authenticate")).isEqualTo("Bearer realm=\"custos\", error=\"invalid_token\"");
      assertThat(Http.json(response).path("detail").asText()).startsWith(c[1]);
      assertThat(response.body()).doesNotContain(c[0]).doesNotContain(c[0].substring(c[0].lastIndexOf('.') + 1));
    }
    assertThat(server.blobFiles()).isEqualTo(blobs);
  }

  @Test
  void apiKeys_stillWork_besideJwts() throws Exception {
    String key = server.apiKey(java.util.Set.of("dicom.write"), java.util.Optional.empty());
    assertThat(stow(key).statusCode()).isEqualTo(200);
  }
}
