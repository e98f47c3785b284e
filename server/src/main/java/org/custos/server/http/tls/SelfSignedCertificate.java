package org.custos.server.http.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate a fresh instance serves until an operator configures a real one: ECDSA P-256,
 * SHA-256, valid for two years, subject {@code CN=Custos self-signed}, names {@code localhost},
 * {@code 127.0.0.1}, {@code ::1}, this machine's host name and the bind address. Kept in the
 * instance folder as {@value #CERTIFICATE} and {@value #KEY} (PKCS#8, created 0600) and reused,
 * so its fingerprint stays the same across restarts; replaced when it has expired. Clients pin it
 * by its SHA-256 fingerprint, which the server prints at start.
 */
public final class SelfSignedCertificate {
  public static final String CERTIFICATE = "self-signed.crt";
  public static final String KEY = "self-signed.key";
  private static final Duration VALIDITY = Duration.ofDays(730);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SelfSignedCertificate() {}

  static TlsMaterial loadOrCreate(Path folder, List<String> extraHostNames) {
    Path certificate = folder.resolve(CERTIFICATE);
    Path key = folder.resolve(KEY);
    if (Files.exists(certificate) && Files.exists(key)) {
      List<X509Certificate> chain = PemIdentity.readChain(certificate);
      if (chain.get(0).getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(1)))) {
        TlsMaterial loaded = PemIdentity.material(PemIdentity.readKey(key), chain, "self-signed " + certificate);
        return loaded;
      }
    }
    create(folder, extraHostNames);
    TlsMaterial created = PemIdentity.material(PemIdentity.readKey(key), PemIdentity.readChain(certificate),
        "self-signed " + certificate + " (generated now)");
    return new TlsMaterial(created.keyStore(), created.password(), created.certificate(), created.description(), true);
  }

  private static void create(Path folder, List<String> extraHostNames) {
    try {
      Files.createDirectories(folder);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair pair = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=Custos self-signed");
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM),
          Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(extraHostNames)));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      writeOwnerOnly(folder.resolve(KEY), pem(pair.getPrivate()));
      Path partial = folder.resolve(CERTIFICATE + ".partial");
      Files.writeString(partial, pem(certificate), StandardCharsets.US_ASCII);
      Files.move(partial, folder.resolve(CERTIFICATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new TlsException("cannot create a self-signed certificate in " + folder + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static GeneralName[] names(List<String> extraHostNames) {
    Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
    Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
    List<String> candidates = new ArrayList<>(extraHostNames);
    try {
      candidates.add(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      // no host name: localhost and the addresses still work
    }
    for (String name : candidates) {
      if (name == null || name.isBlank() || name.equals("0.0.0.0") || name.equals("::")) {
        continue;
      }
      if (name.matches("[0-9.]+") || name.contains(":")) {
        ips.add(name);
      } else if (name.matches("[A-Za-z0-9.-]+")) {
        dns.add(name);
      }
    }
    List<GeneralName> names = new ArrayList<>();
    dns.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
    ips.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
    return names.toArray(new GeneralName[0]);
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object instanceof java.security.PrivateKey key
          ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : object);
    }
    return text.toString();
  }

  /** Creates the file with mode 0600 before any byte is written (never readable by others, even briefly). */
  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException("the key file appeared while it was being created", e);
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
