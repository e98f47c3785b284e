package org.custos.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import org.custos.crypto.keyring.KeyringFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checked-in vectors of docs/formats/blob.md decrypt to the documented plaintext through the
 * whole hierarchy: test keyring → patient key → data key → body.
 */
class BlobTestVectorTest {
  /** TEST ONLY, published in docs/formats/blob.md: the key file of the vector keyring. */
  static final byte[] ROOT_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  static final BlobContext CONTEXT = new BlobContext("custos-test-vectors", "1.2.826.0.1.3680043.10.1234.1", 1);
  private static final byte[] LINE = "Custos blob test vector. Not an image, not PHI.\n".getBytes(US_ASCII);

  @TempDir
  Path directory;
  private KeyHierarchy hierarchy;
  private Properties patient;

  static byte[] plaintext(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = LINE[i % LINE.length];
    }
    return bytes;
  }

  @BeforeEach
  void openTestKeyring() throws IOException {
    Path keyFile = directory.resolve("root.key");
    Files.write(keyFile, ROOT_KEY);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    Path keyring = directory.resolve("keyring.json");
    Files.write(keyring, resource("keyring.json"));
    hierarchy = new KeyHierarchy(KeyringFile.openWithKeyFile(keyring, keyFile));
    patient = new Properties();
    patient.load(new ByteArrayInputStream(resource("patient-key.properties")));
  }

  @ParameterizedTest
  @CsvSource({
      "blob-1mb.bin, 300, abcad5a2954aadbeb77da6ca761c455b8109cfb8b1c5047207c682eed27b9aa9",
      "blob-4kb.bin, 10000, f8c9b46bfd09aa9edf1833f0e0ba9c6a51c963ea4bde60c7526e6c4ee907c95c"})
  void vector_decryptsToTheDocumentedPlaintext(String file, int size, String sha256) throws Exception {
    String id = patient.getProperty("patientKeyId");
    WrappedKey wrapped = new WrappedKey(new KeyVersion("keyring-root", 1),
        Base64.getDecoder().decode(patient.getProperty("wrapped")));
    PatientKey key = hierarchy.openPatientKey(id, wrapped);
    byte[] blob = resource(file);
    assertThat(new BlobCipher().readHeader(new ByteArrayInputStream(blob)).patientKeyId()).isEqualTo(id);
    PatientKeyResolver resolver = asked -> {
      assertThat(asked).isEqualTo(id);
      return key;
    };
    byte[] plaintext;
    try (InputStream in = new BlobCipher().decrypt(new ByteArrayInputStream(blob), resolver, CONTEXT)) {
      plaintext = in.readAllBytes();
    }
    assertThat(plaintext).isEqualTo(plaintext(size));
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext))).isEqualTo(sha256);
    assertThat(new BlobFixture().openSeekableWith(blob, resolver, CONTEXT)).isEqualTo(plaintext);
  }

  static byte[] resource(String name) {
    try (InputStream in = BlobTestVectorTest.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new AssertionError("missing test vector resource vectors/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
