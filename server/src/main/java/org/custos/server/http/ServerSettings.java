package org.custos.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.custos.server.http.tls.TlsSource;

/**
 * How the web server runs, validated once at start-up (docs/configuration.md, {@code server.*}):
 *
 * @param bind the address both connectors listen on
 * @param httpsPort the HTTPS port (0: any free port)
 * @param httpPort a plain HTTP port, allowed only when {@code bind} is a loopback address
 * @param tls the certificate source
 * @param corsAllowedOrigins origins allowed to call from a browser ({@code *} for any); empty: none
 * @param stowMaxRequestBytes the largest STOW-RS request body accepted
 * @param shutdownTimeout how long a stop waits for requests in flight
 */
public record ServerSettings(String bind, int httpsPort, OptionalInt httpPort, TlsSource tls,
    List<String> corsAllowedOrigins, long stowMaxRequestBytes, Duration shutdownTimeout) {
  public static final long DEFAULT_STOW_MAX_REQUEST_BYTES = 4L << 30;

  public ServerSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(httpPort, "httpPort");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    checkPort("the HTTPS port", httpsPort);
    httpPort.ifPresent(p -> checkPort("the HTTP port", p));
    if (stowMaxRequestBytes < 1) {
      throw new IllegalArgumentException("the STOW-RS request limit must be at least 1 byte, was " + stowMaxRequestBytes);
    }
    if (shutdownTimeout.isNegative() || shutdownTimeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("the shutdown timeout is 0-3600 seconds, was " + shutdownTimeout.toSeconds());
    }
    for (String origin : corsAllowedOrigins) {
      if (!origin.equals("*") && !origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
        throw new IllegalArgumentException("a CORS origin is scheme://host[:port] without a path, or *; was '"
            + origin + "'");
      }
    }
    if (httpPort.isPresent() && !isLoopback(bind)) {
      throw new IllegalArgumentException("plain HTTP is only allowed on a loopback address, but the server binds "
          + bind + ": remove the HTTP port (server.http-port, --http-port) or bind to 127.0.0.1");
    }
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 0-65535, was " + port);
    }
  }

  /** True for 127.0.0.0/8, ::1 and names that resolve only to them (localhost). */
  public static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
