package org.custos.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Locally generated issuer keys and tokens signed with them, for tests of the JWT check. */
public final class Tokens {
  public static final String ISSUER = "https://idp.example/realms/hospital";
  public static final String AUDIENCE = "custos-test";

  private Tokens() {}

  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the public key as PEM ("PUBLIC KEY", X.509 SubjectPublicKeyInfo). */
  public static Path publicKeyPem(KeyPair pair, Path file) throws IOException {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(pair.getPublic().getEncoded());
    Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
    return file;
  }

  /** Claims valid for five minutes from now: issuer, audience, subject alice, both scopes. */
  public static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("alice")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("scope", "openid dicom.read dicom.write");
  }

  public static String sign(KeyPair pair, JWTClaimsSet claims) {
    return sign(pair, claims, null, JOSEObjectType.JWT);
  }

  public static String sign(KeyPair pair, JWTClaimsSet claims, String keyId, JOSEObjectType type) {
    try {
      boolean ec = pair.getPrivate() instanceof ECPrivateKey;
      JWSSigner signer = ec ? new ECDSASigner((ECPrivateKey) pair.getPrivate()) : new RSASSASigner(pair.getPrivate());
      JWSHeader header = new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256).keyID(keyId).type(type).build();
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The classic key-confusion attack: HS256 with the issuer's public key as the shared secret. */
  public static String hmacWithPublicKey(KeyPair pair, JWTClaimsSet claims) {
    try {
      byte[] secret = pair.getPublic().getEncoded();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  public static Date ago(Duration duration) {
    return Date.from(Instant.now().minus(duration));
  }

  public static Date inFuture(Duration duration) {
    return Date.from(Instant.now().plus(duration));
  }

  public static List<String> audience(String... names) {
    return List.of(names);
  }
}
