package org.custos.server.http;

import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Run in a child JVM whose java.security re-enables old protocols, so that the client really
 * offers them and any refusal is the server's: connects with one protocol (and optionally one
 * cipher suite), trusting only the given certificate, and prints {@code OK <protocol> <suite>} or
 * {@code REFUSED <message>}.
 */
public final class TlsProbe {
  private TlsProbe() {}

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String certificate = args[2];
    String protocol = args[3];
    String suite = args.length > 4 ? args[4] : null;
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (FileInputStream in = new FileInputStream(certificate)) {
      trusted.setCertificateEntry("custos", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocol});
      if (suite != null) {
        socket.setEnabledCipherSuites(new String[] {suite});
      }
      socket.startHandshake();
      System.out.println("OK " + socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite());
    } catch (java.io.IOException e) {
      System.out.println("REFUSED " + e.getMessage());
    }
  }
}
