package org.custos.server.http.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {
  @TempDir
  Path dir;

  @Test
  void selfSigned_isGeneratedOnce_ownerOnly_andReusedWithTheSameFingerprint() throws Exception {
    TlsSource source = new TlsSource.SelfSigned(dir.resolve("tls"));
    TlsMaterial first = TlsMaterial.load(source, List.of("pacs.example", "10.1.2.3"));
    TlsMaterial second = TlsMaterial.load(source, List.of());

    assertThat(first.generatedNow()).isTrue();
    assertThat(second.generatedNow()).isFalse();
    assertThat(second.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls/self-signed.key"))))
        .isEqualTo("rw-------");
    X509Certificate certificate = first.certificate();
    assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
        .contains("localhost", "pacs.example", "127.0.0.1", "10.1.2.3");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(first.toString()).doesNotContain(new String(first.password()));
  }

  @Test
  void pemFiles_load_andAKeyReadableByOthersIsRefused() throws Exception {
    KeyPair pair = rsa();
    X509Certificate certificate = certificate(pair);
    Path cert = write(dir.resolve("server.crt"), pem(certificate), "rw-r--r--");
    Path key = write(dir.resolve("server.key"), pem(pair.getPrivate()), "rw-------");

    TlsMaterial loaded = TlsMaterial.load(new TlsSource.Pem(cert, key), List.of());
    assertThat(loaded.certificate()).isEqualTo(certificate);
    assertThat(loaded.sha256Fingerprint()).isEqualTo(TlsMaterial.fingerprint(certificate));
    assertThat(loaded.keyStore().isKeyEntry(TlsMaterial.ALIAS)).isTrue();

    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> TlsMaterial.load(new TlsSource.Pem(cert, key), List.of()))
        .isInstanceOf(TlsException.class).hasMessageContaining("chmod 600");
  }

  @Test
  void aKeyThatDoesNotGoWithTheCertificate_orNoKeyAtAll_isRefused() throws Exception {
    Path cert = write(dir.resolve("server.crt"), pem(certificate(rsa())), "rw-r--r--");
    Path other = write(dir.resolve("other.key"), pem(rsa().getPrivate()), "rw-------");
    Path none = write(dir.resolve("empty.key"), "no key here\n", "rw-------");

    assertThatThrownBy(() -> TlsMaterial.load(new TlsSource.Pem(cert, other), List.of()))
        .isInstanceOf(TlsException.class).hasMessageContaining("does not go with the certificate");
    assertThatThrownBy(() -> TlsMaterial.load(new TlsSource.Pem(cert, none), List.of()))
        .isInstanceOf(TlsException.class).hasMessageContaining("no PEM private key");
  }

  @Test
  void pkcs12_loadsWithItsPasswordFile_andAWrongPasswordIsNamed() throws Exception {
    KeyPair pair = rsa();
    X509Certificate certificate = certificate(pair);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", pair.getPrivate(), "s3cret".toCharArray(), new Certificate[] {certificate});
    Path p12 = dir.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(p12)) {
      store.store(out, "s3cret".toCharArray());
    }
    Path password = write(dir.resolve("p12.password"), "s3cret\n", "rw-------");
    Path wrong = write(dir.resolve("wrong.password"), "guess\n", "rw-------");

    assertThat(TlsMaterial.load(new TlsSource.Pkcs12(p12, password), List.of()).certificate()).isEqualTo(certificate);
    assertThatThrownBy(() -> TlsMaterial.load(new TlsSource.Pkcs12(p12, wrong), List.of()))
        .isInstanceOf(TlsException.class).hasMessageContaining("wrong password?").hasMessageNotContaining("guess");
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static X509Certificate certificate(KeyPair pair) throws Exception {
    X500Name name = new X500Name("CN=pacs.example");
    Instant now = Instant.now();
    return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
  }

  static String pem(Object object) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  static Path write(Path file, String text, String permissions) throws Exception {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }
}
