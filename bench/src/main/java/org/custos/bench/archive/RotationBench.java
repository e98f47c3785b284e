package org.custos.bench.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.custos.archive.Archive;
import org.custos.archive.index.PatientRow;
import org.custos.archive.lifecycle.RootKeyRotation;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.NewPatientKey;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.keyring.KeyringFile;
import org.custos.storage.blob.fs.FileBlobStore;
import org.custos.storage.index.SqliteIndex;

/**
 * Issue 3: the time to rotate the root key of an archive with N patients (default 100,000) on the
 * embedded default: real patient keys wrapped under the keyring's root, stored in SQLite, then
 * `rotateRootKey` (re-wrap in batches of 1,000 per transaction, retire the old root).
 * Usage: java -cp benchmarks.jar org.custos.bench.archive.RotationBench WORKDIR [patients].
 */
public final class RotationBench {
  private RotationBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).resolve("rotation");
    int patients = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    try (RootKeyProvider root = KeyringFile.createWithKeyFile(dir.resolve("keyring.json"), dir.resolve("root.key"));
        Archive archive = Archive.open(FileBlobStore.at(dir.resolve("blobs")), SqliteIndex.open(dir.resolve("index.db")),
            new KeyHierarchy(root), Clock.systemUTC())) {
      KeyHierarchy hierarchy = archive.context().keys().hierarchy();
      long start = System.nanoTime();
      for (int done = 0; done < patients; done += 10_000) {
        int batch = Math.min(10_000, patients - done);
        archive.context().index().write(session -> {
          for (int i = 0; i < batch; i++) {
            NewPatientKey key = hierarchy.createPatientKey();
            byte[] token = new byte[32];
            new java.security.SecureRandom().nextBytes(token);
            session.insertPatient(new PatientRow(key.key().id(), token, Optional.of(key.wrapped()),
                Optional.of(new byte[64]), false, Instant.now(), Optional.empty()));
          }
          return null;
        });
      }
      double created = (System.nanoTime() - start) / 1e9;
      RootKeyRotation.Result result = archive.rotateRootKey(done -> { });
      System.out.printf(Locale.ROOT, "| create and store %,d patient keys | %.1f s |%n", patients, created);
      System.out.printf(Locale.ROOT, "| rotate the root key: re-wrap and store %,d patient keys, retire %s | %.1f s (%.0f keys/s) |%n",
          result.patientKeysRewrapped(), result.retired(), result.elapsed().toMillis() / 1000.0,
          result.patientKeysRewrapped() / Math.max(result.elapsed().toMillis() / 1000.0, 1e-3));
    }
  }
}
