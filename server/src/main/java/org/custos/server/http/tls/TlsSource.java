package org.custos.server.http.tls;

import java.nio.file.Path;
import java.util.Objects;

/** Where the server's certificate and key come from. */
public sealed interface TlsSource {
  /** A PEM certificate chain (leaf first) and a PEM private key (PKCS#8, PKCS#1 or SEC1, unencrypted). */
  record Pem(Path certificateChain, Path privateKey) implements TlsSource {
    public Pem {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /** A PKCS#12 file with one key entry; its password is the first line of {@code passwordFile}. */
  record Pkcs12(Path file, Path passwordFile) implements TlsSource {
    public Pkcs12 {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(passwordFile, "passwordFile");
    }
  }

  /** A self-signed certificate in {@code folder}, generated when missing or expired. */
  record SelfSigned(Path folder) implements TlsSource {
    public SelfSigned {
      Objects.requireNonNull(folder, "folder");
    }
  }
}
