package org.custos.verifier;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, named by the SHA-256 of its DER encoding
 * ({@code --insecure-fingerprint}), for a log behind a self-signed certificate. Being an
 * {@link X509ExtendedTrustManager}, it replaces the host name check too: the pin is the identity.
 * What the log answers is verified cryptographically anyway; the pin only keeps the connection
 * from going to someone else. Trusts no client. Immutable.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
  private final byte[] sha256;

  PinnedTrustManager(String fingerprintHex) {
    this.sha256 = HexFormat.of().parseHex(fingerprintHex.replace(":", "").toLowerCase(java.util.Locale.ROOT));
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes, not " + sha256.length);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    byte[] actual;
    try {
      actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new CertificateException("the Java platform lacks SHA-256", e);
    }
    if (!MessageDigest.isEqual(actual, sha256)) {
      throw new CertificateException("the server's certificate SHA-256 " + HexFormat.of().formatHex(actual)
          + " is not the pinned --insecure-fingerprint");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("custos-verify trusts no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
