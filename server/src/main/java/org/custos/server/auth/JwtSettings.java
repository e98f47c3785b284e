package org.custos.server.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How OAuth2 bearer JWTs are checked: the issuer ({@code iss}) and audience ({@code aud}) they
 * must name, and where the issuer's public keys come from — a JWKS URL (fetched and cached) or a
 * PEM public key file. Exactly one key source. A JWKS URL must be HTTPS, except on loopback
 * (tests, a local identity provider).
 */
public record JwtSettings(String issuer, String audience, Optional<URI> jwksUrl, Optional<Path> publicKeyFile,
    Duration clockSkew) {
  public JwtSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    Objects.requireNonNull(publicKeyFile, "publicKeyFile");
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (issuer.isBlank() || audience.isBlank()) {
      throw new IllegalArgumentException("a JWT issuer and audience are required");
    }
    if (jwksUrl.isPresent() == publicKeyFile.isPresent()) {
      throw new IllegalArgumentException("name exactly one source of the issuer's keys: a JWKS URL or a public key file");
    }
    jwksUrl.ifPresent(JwtSettings::checkJwksUrl);
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("the clock skew allowance is 0-300 seconds, was " + clockSkew.toSeconds());
    }
  }

  private static void checkJwksUrl(URI url) {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("https")) {
      return;
    }
    boolean loopback;
    try {
      loopback = url.getHost() != null && InetAddress.getByName(url.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!scheme.equals("http") || !loopback) {
      throw new IllegalArgumentException("the JWKS URL must be https (plain http only on a loopback address)");
    }
  }
}
