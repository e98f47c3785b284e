package org.custos.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.custos.archive.ingest.IngestSource;
import org.custos.archive.principals.ApiKeys;
import org.custos.archive.principals.NewApiKey;
import org.custos.archive.search.StudyQuery;
import org.custos.archive.search.StudySummary;
import org.custos.archive.verify.VerifyReport;
import org.custos.server.demo.SampleStudyWriter;
import org.custos.server.home.CustosInstance;
import org.custos.server.home.CustosWeb;
import org.custos.server.home.HomeInitializer;
import org.custos.server.home.WebConfig;
import org.custos.server.http.ServerSettings;
import org.custos.server.http.WebServer;
import org.custos.server.http.tls.SelfSignedCertificate;
import org.custos.server.imports.ImportSources;
import org.custos.server.imports.ImportTally;
import org.custos.server.imports.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custos demo}: the embedded default on a throw-away instance folder — SQLite, a local
 * blob folder and a keyring sealed by a key file — loaded with synthetic sample studies, listed
 * and verified, then served: HTTPS with a generated self-signed certificate and, because the demo
 * binds to loopback, plain HTTP too. It prints the URLs, the DICOMweb root, a fresh API key
 * (read and write, valid for a day, for this throw-away instance only) and the certificate's
 * fingerprint, and serves until Ctrl-C. The folder is recreated at every run (it carries a marker
 * file, and only a folder with that marker is ever deleted).
 *
 * <p>{@code --exit-after-start} checks the running server as a client would (HTTPS pinned to the
 * certificate, readiness, STOW-RS with and without the key) and stops: for tests and installs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Custos on its embedded default with sample studies on a throw-away instance, and serve it.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  static final String MARKER = ".custos-demo";

  @Option(names = "--home", defaultValue = "custos-home", description = "parent folder of the demo instance "
      + "(default: ${DEFAULT-VALUE})")
  Path home;

  @Option(names = "--port", defaultValue = "8443", paramLabel = "N", description = "HTTPS port, 0 for any free one "
      + "(default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--http-port", defaultValue = "8080", paramLabel = "N", description = "plain HTTP port on loopback, "
      + "0 for any free one, -1 for none (default: ${DEFAULT-VALUE})")
  int httpPort;

  @Option(names = "--exit-after-start", description = "check the server as a client, then stop (no waiting)")
  boolean exitAfterStart;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path instanceHome = home.resolve("demo");
    recreate(instanceHome);
    Map<String, String> environment = Map.of();
    HomeInitializer.init(instanceHome, HomeInitializer.Seal.KEY_FILE, environment);
    Files.createFile(instanceHome.resolve(MARKER));
    List<Path> files = SampleStudyWriter.writeAll(home.resolve("samples"));
    out.println("Custos " + VersionProvider.version() + " demo (embedded default: SQLite + local blob folder + keyring)");
    CustosInstance instance = CustosInstance.open(instanceHome, environment);
    WebServer server;
    NewApiKey key;
    try {
      ImportTally tally = new Importer(instance.archive(), new IngestSource("demo", ""))
          .run(ImportSources.expand(List.of(home.resolve("samples"))), event -> { });
      out.printf("Imported %d synthetic instances (made-up patients), %d rejected.%n", tally.stored(),
          tally.rejected().size());
      List<StudySummary> studies = instance.archive().search(StudyQuery.all(0, 100));
      out.printf("  %-26s %-10s %-6s %7s%n", "patient", "date", "mod", "images");
      for (StudySummary study : studies) {
        out.printf("  %-26s %-10s %-6s %7d%n", study.patient().get("name"), study.study().getOrDefault("StudyDate", ""),
            String.join(",", study.modalities()), study.instanceCount());
      }
      VerifyReport report = instance.archive().verify(bytes -> { });
      out.printf("Verified %d instances against their seals: %s%n", report.versionsChecked(),
          report.ok() ? "all intact" : report.problems().size() + " problem(s)");
      key = new ApiKeys(instance.archive().context()).create("demo", Set.of("dicom.read", "dicom.write"),
          Optional.of(Duration.ofDays(1)));
      ServerSettings settings = WebConfig.server(instanceHome, instance.config(), new WebConfig.Overrides(
          Optional.of("127.0.0.1"), OptionalInt.of(port), httpPort < 0 ? OptionalInt.empty() : OptionalInt.of(httpPort)));
      server = CustosWeb.start(instance, settings, Optional.empty());
    } catch (RuntimeException e) {
      instance.close();
      throw e;
    }
    Path absolute = instanceHome.toAbsolutePath();
    out.println("Instance folder: " + absolute + " (blobs and index hold ciphertext only)");
    out.println("Serving DICOMweb (STOW-RS, QIDO-RS, WADO-RS, WADO-URI) and the public log (/log/v1/):");
    ServerRun.printListening(out, server);
    server.httpUrl().ifPresent(url -> out.println("  (plain HTTP is on because the demo listens on loopback only)"));
    out.println("  API key        " + key.token());
    out.println("                 read and write, valid for a day, for this throw-away demo only");
    out.println("Try:  curl --cacert " + absolute.resolve(WebConfig.TLS_FOLDER).resolve(SelfSignedCertificate.CERTIFICATE)
        + " " + server.httpsUrl() + "/readyz");
    out.println("      ./custos ls --home " + absolute + "   (after stopping the demo: one process per instance)");
    out.flush();
    if (exitAfterStart) {
      try {
        for (String line : DemoSelfCheck.run(server, key.token(), files.get(0))) {
          out.println("Self-check: " + line);
        }
      } finally {
        server.stop();
        instance.close();
      }
      out.println("Self-check passed; demo stopped.");
      out.flush();
      return 0;
    }
    ServerRun.serveUntilShutdown(out, server, instance);
    return 0;
  }

  private static void recreate(Path instanceHome) throws IOException {
    if (Files.exists(instanceHome)) {
      if (!Files.exists(instanceHome.resolve(MARKER))) {
        throw new CliFailure(instanceHome + " exists and is not a demo instance: not deleting it");
      }
      try (Stream<Path> walk = Files.walk(instanceHome)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

}
