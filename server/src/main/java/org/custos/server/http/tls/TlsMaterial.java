package org.custos.server.http.tls;

import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A loaded TLS identity: an in-memory PKCS#12 key store with one entry ({@value #ALIAS}) under a
 * random password, the leaf certificate, its SHA-256 fingerprint ({@code AB:CD:...}, as browsers
 * and {@code openssl x509 -fingerprint -sha256} show it) and where it came from. Does not print
 * the key store or its password.
 */
public record TlsMaterial(KeyStore keyStore, char[] password, X509Certificate certificate, String description,
    boolean generatedNow) {
  public static final String ALIAS = "custos";

  public TlsMaterial {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(description, "description");
    password = password.clone();
  }

  @Override
  public char[] password() {
    return password.clone();
  }

  /** Loads (or for a self-signed source: creates) the identity. */
  public static TlsMaterial load(TlsSource source, java.util.List<String> extraHostNames) {
    if (source instanceof TlsSource.Pem pem) {
      return PemIdentity.load(pem);
    }
    if (source instanceof TlsSource.Pkcs12 pkcs12) {
      return PemIdentity.loadPkcs12(pkcs12);
    }
    return SelfSignedCertificate.loadOrCreate(((TlsSource.SelfSigned) source).folder(), extraHostNames);
  }

  public String sha256Fingerprint() {
    return fingerprint(certificate);
  }

  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new TlsException("cannot fingerprint the certificate", e);
    }
  }

  @Override
  public String toString() {
    return "TlsMaterial[" + description + ", " + sha256Fingerprint() + "]";
  }
}
