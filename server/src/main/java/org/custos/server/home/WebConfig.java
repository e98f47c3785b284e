package org.custos.server.home;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.custos.server.auth.JwtSettings;
import org.custos.server.http.ServerSettings;
import org.custos.server.http.tls.TlsSource;

/**
 * The {@code server.*} and {@code auth.*} keys of {@code custos.conf} as validated settings
 * (docs/configuration.md). Command-line options override the bind address and ports.
 */
public final class WebConfig {
  public static final int DEFAULT_HTTPS_PORT = 8443;
  public static final String TLS_FOLDER = "tls";

  private WebConfig() {}

  /** Overrides from the command line; empty means "as configured". */
  public record Overrides(Optional<String> bind, OptionalInt httpsPort, OptionalInt httpPort) {
    public static Overrides none() {
      return new Overrides(Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }
  }

  public static ServerSettings server(Path home, ConfigFile config, Overrides overrides) {
    String bind = overrides.bind().orElseGet(() -> config.get(ConfigKeys.SERVER_BIND, "127.0.0.1"));
    int httpsPort = overrides.httpsPort().isPresent() ? overrides.httpsPort().getAsInt()
        : integer(config, ConfigKeys.SERVER_HTTPS_PORT, DEFAULT_HTTPS_PORT);
    OptionalInt httpPort = overrides.httpPort().isPresent() ? overrides.httpPort()
        : config.get(ConfigKeys.SERVER_HTTP_PORT).map(v -> OptionalInt.of(integer(config, ConfigKeys.SERVER_HTTP_PORT, 0)))
            .orElse(OptionalInt.empty());
    List<String> origins = config.get(ConfigKeys.SERVER_CORS_ALLOWED_ORIGINS)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList()).orElse(List.of());
    long maxBytes = longValue(config, ConfigKeys.SERVER_STOW_MAX_REQUEST_BYTES, ServerSettings.DEFAULT_STOW_MAX_REQUEST_BYTES);
    Duration shutdown = Duration.ofSeconds(integer(config, ConfigKeys.SERVER_SHUTDOWN_TIMEOUT_SECONDS, 30));
    try {
      return new ServerSettings(bind, httpsPort, httpPort, tls(home, config), origins, maxBytes, shutdown);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  static TlsSource tls(Path home, ConfigFile config) {
    Optional<String> certificate = config.get(ConfigKeys.SERVER_TLS_CERTIFICATE);
    Optional<String> key = config.get(ConfigKeys.SERVER_TLS_PRIVATE_KEY);
    Optional<String> pkcs12 = config.get(ConfigKeys.SERVER_TLS_PKCS12);
    if (pkcs12.isPresent()) {
      if (certificate.isPresent() || key.isPresent()) {
        throw new ConfigException("configure either " + ConfigKeys.SERVER_TLS_PKCS12 + " or " + ConfigKeys.SERVER_TLS_CERTIFICATE
            + " with " + ConfigKeys.SERVER_TLS_PRIVATE_KEY + ", not both");
      }
      return new TlsSource.Pkcs12(home.resolve(pkcs12.get()),
          home.resolve(config.require(ConfigKeys.SERVER_TLS_PKCS12_PASSWORD_FILE)));
    }
    if (certificate.isPresent() != key.isPresent()) {
      throw new ConfigException(ConfigKeys.SERVER_TLS_CERTIFICATE + " and " + ConfigKeys.SERVER_TLS_PRIVATE_KEY
          + " go together");
    }
    if (certificate.isPresent()) {
      return new TlsSource.Pem(home.resolve(certificate.get()), home.resolve(key.get()));
    }
    return new TlsSource.SelfSigned(home.resolve(TLS_FOLDER));
  }

  /** OAuth2 JWT settings when {@code auth.jwt.issuer} is configured. */
  public static Optional<JwtSettings> jwt(Path home, ConfigFile config) {
    Optional<String> issuer = config.get(ConfigKeys.AUTH_JWT_ISSUER);
    if (issuer.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new JwtSettings(issuer.get(), config.require(ConfigKeys.AUTH_JWT_AUDIENCE),
          config.get(ConfigKeys.AUTH_JWT_JWKS_URL).map(URI::create),
          config.get(ConfigKeys.AUTH_JWT_PUBLIC_KEY_FILE).map(home::resolve),
          Duration.ofSeconds(integer(config, ConfigKeys.AUTH_JWT_CLOCK_SKEW_SECONDS, 60))));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("auth.jwt.*: " + e.getMessage(), e);
    }
  }

  private static int integer(ConfigFile config, String key, int fallback) {
    long value = longValue(config, key, fallback);
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new ConfigException("configuration key " + key + " is out of range");
    }
    return (int) value;
  }

  private static long longValue(ConfigFile config, String key, long fallback) {
    Optional<String> text = config.get(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(text.get().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new ConfigException("configuration key " + key + " must be a whole number, was '" + text.get() + "'");
    }
  }
}
