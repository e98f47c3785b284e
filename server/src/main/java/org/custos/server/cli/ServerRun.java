package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.custos.server.home.CustosInstance;
import org.custos.server.http.WebServer;
import org.custos.server.http.tls.TlsMaterial;

/**
 * What {@code serve} and {@code demo} share: printing where the server listens, and running it
 * until the process is asked to stop (SIGTERM, Ctrl-C), then stopping gracefully — requests in
 * flight finish, the archive closes — before the process exits.
 */
final class ServerRun {
  private ServerRun() {}

  static void printListening(PrintWriter out, WebServer server) {
    TlsMaterial tls = server.tls();
    out.println("  HTTPS          " + server.httpsUrl());
    server.httpUrl().ifPresent(url -> out.println("  HTTP           " + url + "   (plain HTTP: loopback only)"));
    out.println("  DICOMweb root  " + server.httpsUrl() + "/dicom-web");
    out.println("  certificate    " + tls.description());
    out.println("  SHA-256        " + tls.sha256Fingerprint());
  }

  /** Blocks until the JVM is asked to shut down; the shutdown hook stops the server and closes the instance. */
  static void serveUntilShutdown(PrintWriter out, WebServer server, CustosInstance instance) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop();
        instance.close();
        out.println("Custos stopped.");
        out.flush();
      } finally {
        stopped.countDown();
      }
    }, "custos-shutdown"));
    out.println("Serving. Stop with Ctrl-C or SIGTERM: requests in flight finish first.");
    out.flush();
    stopped.await();
  }
}
