package org.custos.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.custos.server.home.CustosInstance;
import org.custos.server.home.CustosWeb;
import org.custos.server.home.WebConfig;
import org.custos.server.http.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos serve}: the web server (HTTPS, DICOMweb) on the instance of {@code custos init},
 * configured by {@code server.*} and {@code auth.*} in {@code custos.conf}; the options override
 * the address and ports. Prints where it listens and the certificate's SHA-256 fingerprint, then
 * serves until SIGTERM or Ctrl-C, when it stops gracefully.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the web server (HTTPS, DICOMweb STOW-RS) until stopped.")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on (default: server.bind, else 127.0.0.1)")
  String bind;

  @Option(names = "--port", paramLabel = "N", description = "HTTPS port, 0 for any free one (default: server.https-port, else 8443)")
  Integer port;

  @Option(names = "--http-port", paramLabel = "N",
      description = "also plain HTTP on this port; only with a loopback --bind (default: server.http-port, else none)")
  Integer httpPort;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = home.resolve();
    CustosInstance instance = CustosInstance.open(folder, System.getenv());
    WebServer server;
    try {
      var settings = WebConfig.server(folder, instance.config(), new WebConfig.Overrides(Optional.ofNullable(bind),
          port == null ? OptionalInt.empty() : OptionalInt.of(port),
          httpPort == null ? OptionalInt.empty() : OptionalInt.of(httpPort)));
      var jwt = WebConfig.jwt(folder, instance.config());
      instance.archive().recover(Duration.ZERO);
      server = CustosWeb.start(instance, settings, jwt);
    } catch (RuntimeException e) {
      instance.close();
      throw e;
    }
    out.println("Custos " + VersionProvider.version() + " serving " + folder.toAbsolutePath());
    ServerRun.printListening(out, server);
    ServerRun.serveUntilShutdown(out, server, instance);
    return 0;
  }
}
