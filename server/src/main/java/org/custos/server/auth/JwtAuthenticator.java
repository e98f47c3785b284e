package org.custos.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OAuth2 access tokens as signed JWTs (RFC 9068 profile, checked with nimbus-jose-jwt): signed
 * with RS/PS/ES 256-512 by a key of the configured issuer (never {@code none}, never HMAC, so a
 * public key cannot be misused as a shared secret); {@code typ} absent, {@code JWT} or
 * {@code at+jwt}; {@code iss} equal to the configured issuer; {@code aud} containing the configured
 * audience; {@code exp} present and not passed, {@code nbf} reached (both with the clock skew
 * allowance); {@code sub} present. Scopes come from {@code scope} (space-separated) or
 * {@code scp} (a list or a string); names Custos does not know are ignored. The principal is
 * {@code jwt:<sub>}. Each refusal names the failed check, never the token or its claims.
 * Thread-safe.
 */
public final class JwtAuthenticator implements Authenticator {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
      JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private final JwtSettings settings;
  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final Clock clock;

  public JwtAuthenticator(JwtSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keySource(settings)));
    p.setJWTClaimsSetVerifier((claims, context) -> { }); // checked below, one precise reason each
    this.processor = p;
  }

  private static JWKSource<SecurityContext> keySource(JwtSettings settings) {
    if (settings.jwksUrl().isPresent()) {
      try {
        return JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().get().toURL()).retrying(true).build();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("the JWKS URL is not a URL", e);
      }
    }
    try {
      String pem = Files.readString(settings.publicKeyFile().orElseThrow(), StandardCharsets.US_ASCII);
      JWK key = JWK.parseFromPEMEncodedObjects(pem);
      if (key.isPrivate()) {
        throw new IllegalArgumentException("the JWT key file holds a private key: give the issuer's public key only");
      }
      return new ImmutableJWKSet<>(new JWKSet(key));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the JWT public key file: " + e.getClass().getSimpleName(), e);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT public key file is not a PEM RSA or EC public key", e);
    }
  }

  @Override
  public Principal authenticate(String credential) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(credential, null);
    } catch (ParseException e) {
      throw new AuthenticationFailure("the bearer token is neither a Custos API key nor a well-formed JWT");
    } catch (BadJOSEException e) {
      throw new AuthenticationFailure("the token's signature does not verify with the issuer's keys "
          + "(or its algorithm or type is not accepted)");
    } catch (JOSEException e) {
      throw new AuthenticationFailure("the issuer's keys could not be obtained to verify the token", e);
    }
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry == null) {
      throw new AuthenticationFailure("the token has no expiry (exp)");
    }
    if (now.minus(settings.clockSkew()).isAfter(expiry.toInstant())) {
      throw new AuthenticationFailure("the token has expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(settings.clockSkew()).isBefore(notBefore.toInstant())) {
      throw new AuthenticationFailure("the token is not valid yet (nbf)");
    }
    if (!settings.issuer().equals(claims.getIssuer())) {
      throw new AuthenticationFailure("the token was not issued by the configured issuer");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(settings.audience())) {
      throw new AuthenticationFailure("the token is not meant for this server (audience)");
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank() || subject.length() > 128 || !subject.matches("\\p{Graph}+")) {
      throw new AuthenticationFailure("the token has no usable subject (sub)");
    }
    return new Principal("jwt:" + subject, Principal.Kind.JWT, scopes(claims));
  }

  private static Set<Scope> scopes(JWTClaimsSet claims) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Object scope = claims.getClaim("scope");
    Object scp = claims.getClaim("scp");
    for (Object value : new Object[] {scope, scp}) {
      if (value instanceof String text) {
        for (String label : text.trim().split("\\s+")) {
          Scope.of(label).ifPresent(scopes::add);
        }
      } else if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof String label) {
            Scope.of(label).ifPresent(scopes::add);
          }
        }
      }
    }
    return scopes;
  }
}
