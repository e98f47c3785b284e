package org.custos.crypto;

import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.custos.crypto.keyring.KeyringFile;

/**
 * Writes the blob test vectors of docs/formats/blob.md into a directory (the checked-in ones are
 * in crypto/src/test/resources/vectors). Not run by the tests: encryption is randomized, so each
 * run gives new, equally valid vectors, and the checked-in ones are the reference. Test-only.
 */
final class BlobVectorGenerator {
  private BlobVectorGenerator() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Path keyFile = Files.createTempDirectory("custos-vectors").resolve("root.key");
    Files.write(keyFile, BlobTestVectorTest.ROOT_KEY);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    try (KeyringFile keyring = KeyringFile.createWithKeyFile(out.resolve("keyring.json"), keyFile)) {
      NewPatientKey patient = new KeyHierarchy(keyring).createPatientKey();
      Files.writeString(out.resolve("patient-key.properties"), "patientKeyId=" + patient.key().id() + "\n"
          + "wrappedBy=" + patient.wrapped().wrappedBy() + "\n"
          + "wrapped=" + Base64.getEncoder().encodeToString(patient.wrapped().ciphertext()) + "\n");
      write(out.resolve("blob-1mb.bin"), patient.key(), PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB, 300);
      write(out.resolve("blob-4kb.bin"), patient.key(), PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB, 10_000);
    }
  }

  private static void write(Path file, PatientKey key, AesGcmHkdfStreamingParameters parameters, int size) throws Exception {
    byte[] plaintext = BlobTestVectorTest.plaintext(size);
    Files.write(file, BlobFixture.seal(new BlobCipher(parameters), key, plaintext, BlobTestVectorTest.CONTEXT));
  }
}
