package org.custos.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --insecure-fingerprint}: a log behind a self-signed certificate (made by the JDK's keytool,
 * for a name that is not the address connected to) is reachable only with its pinned SHA-256.
 */
class PinnedHttpsTest {
  @TempDir
  static Path dir;
  static SSLContext tls;
  static String fingerprint;

  @BeforeAll
  static void selfSignedCertificate() throws Exception {
    Path store = dir.resolve("log.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "log", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=custos-test-log",
        "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
        "-keypass", "changeit").redirectErrorStream(true).start();
    keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(keytool.waitFor()).as("keytool exit").isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keys.getCertificate("log").getEncoded()));
  }

  private static Run against(FakeLog log, String receipt, String... pin) throws Exception {
    try (LogServer server = new LogServer(tls, LogServer.of(log))) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--log-key", log.key.verifierKey(),
          "--against", server.url()));
      args.addAll(java.util.List.of(pin));
      return Run.receipt(dir, receipt, args.toArray(String[]::new));
    }
  }

  @Test
  void thePinnedCertificate_isAccepted_evenForAnotherName() throws Exception {
    FakeLog log = new FakeLog("custos.test/log", 0);
    log.stored("pk-a", "2.25.1", 1, FakeLog.pixel("a"));
    String receipt = log.receiptJson("pk-a", 1);
    log.access("pk-a", "RETRIEVE");

    Run run = against(log, receipt, "--insecure-fingerprint", fingerprint.toUpperCase(java.util.Locale.ROOT));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("asked https://127.0.0.1:").contains("new access since: ");
  }

  @Test
  void anotherFingerprint_orTheSystemTrustStore_refuseTheConnection() throws Exception {
    FakeLog log = new FakeLog("custos.test/log", 0);
    log.stored("pk-a", "2.25.1", 1, FakeLog.pixel("a"));
    String receipt = log.receiptJson("pk-a", 1);
    String wrong = "00".repeat(32);

    Run pinnedWrong = against(log, receipt, "--insecure-fingerprint", wrong);
    Run unpinned = against(log, receipt);

    assertThat(pinnedWrong.exitCode()).isEqualTo(3);
    assertThat(pinnedWrong.out()).contains("UNREACHABLE  could not reach the log at https://127.0.0.1:");
    assertThat(unpinned.exitCode()).isEqualTo(3);
  }
}
