package org.custos.server.http.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads a configured identity: PEM chain + PEM key, or a PKCS#12 file. */
final class PemIdentity {
  private static final SecureRandom RANDOM = new SecureRandom();

  private PemIdentity() {}

  static TlsMaterial load(TlsSource.Pem pem) {
    List<X509Certificate> chain = readChain(pem.certificateChain());
    PrivateKey key = readKey(pem.privateKey());
    return material(key, chain, "certificate " + pem.certificateChain());
  }

  static TlsMaterial loadPkcs12(TlsSource.Pkcs12 source) {
    char[] password = firstLine(source.passwordFile()).toCharArray();
    try (InputStream in = Files.newInputStream(source.file())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias)) {
          PrivateKey key = (PrivateKey) store.getKey(alias, password);
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return material(key, chain, "PKCS#12 " + source.file());
        }
      }
      throw new TlsException(source.file() + " holds no private key entry");
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("cannot read the PKCS#12 file " + source.file() + " (wrong password?): "
          + e.getClass().getSimpleName(), e);
    }
  }

  static TlsMaterial material(PrivateKey key, List<X509Certificate> chain, String description) {
    if (chain.isEmpty()) {
      throw new TlsException("no certificate in " + description);
    }
    if (!keyMatches(key, chain.get(0))) {
      throw new TlsException("the private key does not go with the certificate in " + description);
    }
    try {
      char[] password = new char[32];
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + RANDOM.nextInt(26));
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(TlsMaterial.ALIAS, key, password, chain.toArray(new Certificate[0]));
      chain.get(0).checkValidity();
      return new TlsMaterial(store, password, chain.get(0), description, false);
    } catch (java.security.cert.CertificateExpiredException | java.security.cert.CertificateNotYetValidException e) {
      throw new TlsException("the certificate in " + description + " is outside its validity period", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("the key does not go with the certificate in " + description + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** Signs a random challenge with the key and verifies it with the certificate's public key. */
  static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      throw new TlsException("unsupported key algorithm " + key.getAlgorithm() + " (RSA, EC or Ed25519)");
    }
    try {
      byte[] challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static List<X509Certificate> readChain(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        chain.add((X509Certificate) c);
      }
      if (chain.isEmpty()) {
        throw new TlsException("no PEM certificate in " + file);
      }
      return chain;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("cannot read the certificate chain " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  static PrivateKey readKey(Path file) {
    requireOwnerOnly(file);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
        throw new TlsException(file + " is an encrypted key: give an unencrypted key in a 0600 file, or a PKCS#12 "
            + "file with a password file");
      }
      throw new TlsException("no PEM private key in " + file);
    } catch (IOException e) {
      throw new TlsException("cannot read the private key " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** A key file readable by group or others is refused, as the keyring's key file is. */
  static void requireOwnerOnly(Path file) {
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
          throw new TlsException(file + " is readable by group or others: chmod 600 it");
        }
      }
    } catch (IOException e) {
      throw new TlsException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  static String firstLine(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).strip();
    } catch (IOException e) {
      throw new TlsException("cannot read the password file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
