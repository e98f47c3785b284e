package org.custos.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.custos.server.auth.AccessPolicy;
import org.custos.server.auth.BearerAuthenticator;
import org.custos.server.auth.Decision;
import org.custos.server.auth.Principal;
import org.custos.server.http.tls.TlsMaterial;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running web server. Handler chain, outermost first: security headers → CORS (answers
 * preflights) → graceful shutdown (503 for new requests while stopping) → Javalin's routes, each
 * wrapped by authentication and the access policy unless anonymous.
 *
 * <p>TLS: 1.3 and 1.2 only, with ECDHE key exchange and AEAD ciphers only (AES-GCM,
 * ChaCha20-Poly1305); no renegotiation; no SNI host check, so that a certificate for one name
 * still serves clients that reach the server by another (they pin the certificate anyway).
 * Plain HTTP (if configured) listens on the same loopback address.
 *
 * <p>{@link #stop()} answers 503 to new requests while requests in flight finish (a STOW upload
 * completes and is stored), up to the shutdown timeout, then closes the connectors. Thread-safe.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  static final String[] CIPHER_SUITES = {
      "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};

  private final Javalin app;
  private final GracefulHandler graceful = new GracefulHandler();
  private final ServerSettings settings;
  private final TlsMaterial tls;
  private ServerConnector https;
  private ServerConnector http;
  private volatile boolean stopped;

  private WebServer(ServerSettings settings, TlsMaterial tls, BearerAuthenticator authenticator, AccessPolicy policy,
      List<Route> routes) {
    this.settings = settings;
    this.tls = tls;
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.startup.startupWatcherEnabled = false;
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        server.setErrorHandler(new ErrorJsonHandler());
        // insertHandler puts each new wrapper outermost.
        server.insertHandler(graceful);
        server.insertHandler(new CorsHandler(settings.corsAllowedOrigins()));
        server.insertHandler(new SecurityHeadersHandler());
      });
      config.jetty.addConnector((server, httpConfiguration) -> https = httpsConnector(server, httpConfiguration));
      if (settings.httpPort().isPresent()) {
        config.jetty.addConnector((server, httpConfiguration) -> http = httpConnector(server, httpConfiguration));
      }
      config.routes.exception(Exception.class, (e, ctx) -> HttpErrors.respond(ctx, e));
      config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> HttpErrors.respond(ctx, e));
      for (Route route : routes) {
        config.routes.addHttpHandler(route.method(), route.path(), ctx -> run(route, ctx, authenticator, policy));
      }
    });
  }

  /** Starts serving; returns once the connectors listen. */
  public static WebServer start(ServerSettings settings, TlsMaterial tls, BearerAuthenticator authenticator,
      AccessPolicy policy, List<Route> routes) {
    WebServer server = new WebServer(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(tls, "tls"),
        Objects.requireNonNull(authenticator, "authenticator"), Objects.requireNonNull(policy, "policy"),
        List.copyOf(routes));
    server.app.start();
    return server;
  }

  private static void run(Route route, Context ctx, BearerAuthenticator authenticator, AccessPolicy policy)
      throws Exception {
    if (route.access() instanceof RouteAccess.Protected guarded) {
      Principal principal = authenticator.authenticate(Optional.ofNullable(ctx.header("Authorization")));
      Decision decision = policy.decide(principal, guarded.action(), guarded.resource().apply(ctx));
      if (!decision.allowed()) {
        throw new AccessDeniedException(decision.reason());
      }
      route.handler().handle(ctx, Optional.of(principal));
    } else {
      route.handler().handle(ctx, Optional.empty());
    }
  }

  private ServerConnector httpsConnector(Server server, HttpConfiguration base) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(tls.keyStore());
    ssl.setKeyStorePassword(new String(tls.password()));
    ssl.setCertAlias(TlsMaterial.ALIAS);
    ssl.setIncludeProtocols(PROTOCOLS);
    ssl.setExcludeProtocols();
    ssl.setIncludeCipherSuites(CIPHER_SUITES);
    ssl.setRenegotiationAllowed(false);
    ssl.setSniRequired(false);
    HttpConfiguration configuration = new HttpConfiguration(base);
    configuration.setSecureScheme("https");
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    configuration.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
        new HttpConnectionFactory(configuration));
    connector.setHost(settings.bind());
    connector.setPort(settings.httpsPort());
    return connector;
  }

  private ServerConnector httpConnector(Server server, HttpConfiguration base) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration(base)));
    connector.setHost(settings.bind());
    connector.setPort(settings.httpPort().getAsInt());
    return connector;
  }

  public int httpsPort() {
    return https.getLocalPort();
  }

  public OptionalInt httpPort() {
    return http == null ? OptionalInt.empty() : OptionalInt.of(http.getLocalPort());
  }

  /** {@code https://host:port} as a client on this machine reaches it (the bind address, or localhost for a wildcard). */
  public URI httpsUrl() {
    return URI.create("https://" + hostForUrl() + ":" + httpsPort());
  }

  public Optional<URI> httpUrl() {
    return http == null ? Optional.empty() : Optional.of(URI.create("http://" + hostForUrl() + ":" + http.getLocalPort()));
  }

  public TlsMaterial tls() {
    return tls;
  }

  private String hostForUrl() {
    String host = settings.bind();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      return "localhost";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /**
   * Graceful stop, in two phases: first drain — connections are still accepted, but every new
   * request is answered 503, while requests in flight run to their end (at most the shutdown
   * timeout) — then stop Jetty, which closes the connectors. Idempotent.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      graceful.shutdown().get(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("requests still in flight after the shutdown timeout of {} s; stopping anyway",
          settings.shutdownTimeout().toSeconds());
    } catch (ExecutionException e) {
      LOG.warn("draining failed: {}", e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.stop();
  }

  public boolean isStopped() {
    return stopped;
  }

  @Override
  public void close() {
    stop();
  }

  /** Connectors, for tests that need more than the ports. */
  List<Connector> connectors() {
    return List.of(app.jettyServer().server().getConnectors());
  }
}
