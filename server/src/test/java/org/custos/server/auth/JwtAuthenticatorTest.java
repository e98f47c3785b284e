package org.custos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {
  static KeyPair issuer;
  static JwtAuthenticator jwt;

  @BeforeAll
  static void configure(@TempDir Path dir) throws Exception {
    issuer = Tokens.rsa();
    jwt = new JwtAuthenticator(new JwtSettings(Tokens.ISSUER, Tokens.AUDIENCE, Optional.empty(),
        Optional.of(Tokens.publicKeyPem(issuer, dir.resolve("issuer.pem"))), Duration.ofSeconds(60)), Clock.systemUTC());
  }

  static Principal accept(JWTClaimsSet claims) {
    return jwt.authenticate(Tokens.sign(issuer, claims));
  }

  static String refusal(String token) {
    try {
      jwt.authenticate(token);
    } catch (AuthenticationFailure e) {
      assertThat(e.getMessage()).doesNotContain(token);
      return e.getMessage();
    }
    throw new AssertionError("the token was accepted");
  }

  @Test
  void aValidToken_becomesThePrincipalJwtSub_withTheScopesCustosKnows() {
    Principal principal = accept(Tokens.claims().build());
    assertThat(principal.name()).isEqualTo("jwt:alice");
    assertThat(principal.kind()).isEqualTo(Principal.Kind.JWT);
    assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.DICOM_READ, Scope.DICOM_WRITE);
  }

  @Test
  void scopes_mayComeAsAnScpListOrString() {
    assertThat(accept(Tokens.claims().claim("scope", null).claim("scp", List.of("dicom.read", "other")).build()).scopes())
        .containsExactly(Scope.DICOM_READ);
    assertThat(accept(Tokens.claims().claim("scope", null).claim("scp", "dicom.write").build()).scopes())
        .containsExactly(Scope.DICOM_WRITE);
    assertThat(accept(Tokens.claims().claim("scope", null).build()).scopes()).isEmpty();
  }

  @Test
  void expiry_isChecked_withTheClockSkewAllowance() {
    assertThat(refusal(Tokens.sign(issuer, Tokens.claims().expirationTime(Tokens.ago(Duration.ofMinutes(2))).build())))
        .isEqualTo("the token has expired");
    assertThat(accept(Tokens.claims().expirationTime(Tokens.ago(Duration.ofSeconds(30))).build()).name())
        .isEqualTo("jwt:alice");
    assertThat(refusal(Tokens.sign(issuer, Tokens.claims().expirationTime(null).build())))
        .isEqualTo("the token has no expiry (exp)");
    assertThat(refusal(Tokens.sign(issuer, Tokens.claims().notBeforeTime(Tokens.inFuture(Duration.ofMinutes(3))).build())))
        .isEqualTo("the token is not valid yet (nbf)");
  }

  @Test
  void issuerAudienceAndSubject_mustMatch() {
    assertThat(refusal(Tokens.sign(issuer, Tokens.claims().issuer("https://evil.example").build())))
        .isEqualTo("the token was not issued by the configured issuer");
    assertThat(refusal(Tokens.sign(issuer, Tokens.claims().audience("other-api").build())))
        .isEqualTo("the token is not meant for this server (audience)");
    assertThat(accept(Tokens.claims().audience(List.of("other-api", Tokens.AUDIENCE)).build()).name()).isEqualTo("jwt:alice");
    assertThat(refusal(Tokens.sign(issuer, Tokens.claims().subject(null).build())))
        .isEqualTo("the token has no usable subject (sub)");
  }

  @Test
  void signaturesByOtherKeys_unsignedTokens_andHmacKeyConfusion_areRefused() {
    JWTClaimsSet claims = Tokens.claims().build();
    for (String token : List.of(Tokens.sign(Tokens.rsa(), claims), Tokens.sign(Tokens.ec(), claims),
        Tokens.unsigned(claims), Tokens.hmacWithPublicKey(issuer, claims))) {
      assertThat(refusal(token)).startsWith("the token's signature does not verify");
    }
    String valid = Tokens.sign(issuer, claims);
    String tampered = valid.substring(0, valid.indexOf('.') + 1) + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(Tokens.claims().subject("mallory").build().toString().getBytes(StandardCharsets.UTF_8))
        + valid.substring(valid.lastIndexOf('.'));
    assertThat(refusal(tampered)).startsWith("the token's signature does not verify");
    assertThat(refusal("not.a.jwt")).contains("well-formed JWT");
  }

  @Test
  void tokenTypes_jwtAndAtJwtAreAccepted_othersNot() {
    assertThat(jwt.authenticate(Tokens.sign(issuer, Tokens.claims().build(), null, new JOSEObjectType("at+jwt"))).name())
        .isEqualTo("jwt:alice");
    assertThat(refusal(Tokens.sign(issuer, Tokens.claims().build(), null, new JOSEObjectType("id+jwt"))))
        .startsWith("the token's signature does not verify");
  }

  @Test
  void aJwksUrl_isFetched_andKeysAreChosenByKid() throws Exception {
    KeyPair ec = Tokens.ec();
    JWKSet set = new JWKSet(new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, (ECPublicKey) ec.getPublic())
        .keyID("k1").build());
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = set.toString(true).getBytes(StandardCharsets.UTF_8);
    jwks.createContext("/jwks", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
    try {
      JwtAuthenticator remote = new JwtAuthenticator(new JwtSettings(Tokens.ISSUER, Tokens.AUDIENCE,
          Optional.of(URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks")), Optional.empty(),
          Duration.ofSeconds(60)), Clock.systemUTC());
      Principal principal = remote.authenticate(Tokens.sign(ec, Tokens.claims().build(), "k1", JOSEObjectType.JWT));
      assertThat(principal.scopes()).contains(Scope.DICOM_WRITE);
      assertThatThrownBy(() -> remote.authenticate(Tokens.sign(Tokens.ec(), Tokens.claims().build(), "k2", JOSEObjectType.JWT)))
          .isInstanceOf(AuthenticationFailure.class);
    } finally {
      jwks.stop(0);
    }
  }

  @Test
  void settings_wantOneKeySource_andHttpsForRemoteKeys() {
    Optional<Path> file = Optional.of(Path.of("issuer.pem"));
    Optional<URI> https = Optional.of(URI.create("https://idp.example/jwks"));
    assertThatThrownBy(() -> new JwtSettings(Tokens.ISSUER, Tokens.AUDIENCE, https, file, Duration.ZERO))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> new JwtSettings(Tokens.ISSUER, Tokens.AUDIENCE, Optional.empty(), Optional.empty(), Duration.ZERO))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> new JwtSettings(Tokens.ISSUER, Tokens.AUDIENCE,
        Optional.of(URI.create("http://idp.example/jwks")), Optional.empty(), Duration.ZERO)).hasMessageContaining("https");
    assertThat(new JwtSettings(Tokens.ISSUER, Tokens.AUDIENCE, https, Optional.empty(), Duration.ZERO).jwksUrl()).isEqualTo(https);
  }

  @Test
  void scopePolicy_readsNeedDicomRead_storesNeedDicomWrite() {
    ScopePolicy policy = new ScopePolicy();
    Principal reader = new Principal("apikey:r", Principal.Kind.API_KEY, Set.of(Scope.DICOM_READ));
    assertThat(policy.decide(reader, Action.SEARCH, Resource.allStudies()).allowed()).isTrue();
    assertThat(policy.decide(reader, Action.RETRIEVE, Resource.study("1.2.3")).allowed()).isTrue();
    Decision store = policy.decide(reader, Action.STORE, Resource.allStudies());
    assertThat(store.allowed()).isFalse();
    assertThat(store.reason()).isEqualTo("store needs the scope dicom.write");
    assertThat(Resource.study("1.2.3").toString()).doesNotContain("1.2.3");
  }
}
