package org.custos.server.home;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.archive.log.PublicLog;
import org.custos.archive.principals.ApiKeys;
import org.custos.server.auth.ApiKeyAuthenticator;
import org.custos.server.auth.Authenticator;
import org.custos.server.auth.BearerAuthenticator;
import org.custos.server.auth.JwtAuthenticator;
import org.custos.server.auth.JwtSettings;
import org.custos.server.auth.ScopePolicy;
import org.custos.server.dicomweb.DicomWebReadRoutes;
import org.custos.server.dicomweb.stow.StowRoutes;
import org.custos.server.http.HealthRoutes;
import org.custos.server.http.LogRoutes;
import org.custos.server.http.Route;
import org.custos.server.http.ServerSettings;
import org.custos.server.http.WebServer;
import org.custos.server.http.tls.TlsMaterial;

/**
 * The web server wired by hand over an open instance: TLS identity, API keys and (if configured)
 * JWTs, the scope policy, and the routes — health, readiness, the public transparency log, STOW-RS,
 * and the DICOMweb reads (QIDO-RS, WADO-RS, rendering, WADO-URI).
 */
public final class CustosWeb {
  private CustosWeb() {}

  public static WebServer start(CustosInstance instance, ServerSettings settings, Optional<JwtSettings> jwt) {
    TlsMaterial tls = TlsMaterial.load(settings.tls(), List.of(settings.bind()));
    Optional<Authenticator> tokens;
    try {
      tokens = jwt.map(j -> new JwtAuthenticator(j, Clock.systemUTC()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("auth.jwt.*: " + e.getMessage(), e);
    }
    BearerAuthenticator authenticator = new BearerAuthenticator(
        new ApiKeyAuthenticator(new ApiKeys(instance.archive().context())), tokens);
    List<Route> routes = new ArrayList<>();
    routes.addAll(HealthRoutes.routes(() -> instance.archive().context().index().read(s -> s.setting("archive-id"))));
    routes.addAll(LogRoutes.routes(new PublicLog(instance.archive().log())));
    routes.addAll(StowRoutes.routes(instance.archive(), settings.stowMaxRequestBytes()));
    routes.addAll(DicomWebReadRoutes.routes(instance.archive()));
    return WebServer.start(settings, tls, authenticator, new ScopePolicy(), routes);
  }
}
