package org.custos.bench.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * What the machine can do at best with the bytes ingest handles, in this JVM, on one thread:
 * AES-256-GCM (JCA, 1 MiB segments, as Tink's streaming AEAD uses), SHA-256 (JCA), and a plain
 * copy of the same files with fsync. MB are 10^6 bytes.
 */
record RawLimits(double aesGcmMbPerSecond, double sha256MbPerSecond, double fileCopyMbPerSecond) {

  /** One thread doing the three in turn over the same bytes: the ceiling for a one-pass ingest. */
  double serialMbPerSecond() {
    return 1 / (1 / aesGcmMbPerSecond + 1 / sha256MbPerSecond + 1 / fileCopyMbPerSecond);
  }

  static RawLimits measure(List<Path> files, Path scratch) throws IOException, GeneralSecurityException {
    byte[] data = new byte[256 * 1024 * 1024];
    new SecureRandom().nextBytes(data);
    // HotSpot runs GHASH and AES-CTR as interpreted Java until their callers are compiled, which
    // here takes the better part of a gigabyte (45 MB/s before, ~1.8 GB/s after): warm up to 2 GB.
    for (int i = 0; i < 8; i++) {
      aes(data);
      sha(data);
    }
    return new RawLimits(best(() -> aes(data)), best(() -> sha(data)), copy(files, scratch));
  }

  private interface Measure {
    double run() throws GeneralSecurityException;
  }

  private static double best(Measure measure) throws GeneralSecurityException {
    double best = 0;
    for (int i = 0; i < 3; i++) {
      best = Math.max(best, measure.run());
    }
    return best;
  }

  private static double aes(byte[] data) throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    SecretKey key = generator.generateKey();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] out = new byte[(1 << 20) + 16];
    byte[] nonce = new byte[12];
    long start = System.nanoTime();
    for (int offset = 0, segment = 0; offset < data.length; offset += 1 << 20, segment++) {
      ByteBuffer.wrap(nonce).putInt(8, segment);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.doFinal(data, offset, 1 << 20, out, 0);
    }
    return data.length / 1e6 / ((System.nanoTime() - start) / 1e9);
  }

  private static double sha(byte[] data) throws GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long start = System.nanoTime();
    digest.update(data);
    digest.digest();
    return data.length / 1e6 / ((System.nanoTime() - start) / 1e9);
  }

  private static double copy(List<Path> files, Path scratch) throws IOException {
    Files.createDirectories(scratch);
    long bytes = 0;
    long start = System.nanoTime();
    int i = 0;
    for (Path file : files) {
      Path target = scratch.resolve("copy-" + i++);
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
          FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        bytes += in.transferTo(0, in.size(), out);
        out.force(true);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (int j = 0; j < i; j++) {
      Files.deleteIfExists(scratch.resolve("copy-" + j));
    }
    return bytes / 1e6 / seconds;
  }
}
