package org.custos.storage.blob;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Pseudo-random test content made on the fly from a seed, 64 KiB at a time, so that a test can
 * write and check hundreds of MiB without ever holding them: compare SHA-256 digests instead.
 */
public final class GeneratedBytes {
  private static final int CHUNK_BYTES = 64 * 1024;

  private GeneratedBytes() {}

  /** Writes {@code size} bytes of the sequence for {@code seed}; returns their SHA-256. */
  public static byte[] write(OutputStream out, long seed, long size) throws IOException {
    MessageDigest digest = sha256();
    SplittableRandom random = new SplittableRandom(seed);
    byte[] chunk = new byte[CHUNK_BYTES];
    for (long left = size; left > 0; left -= CHUNK_BYTES) {
      random.nextBytes(chunk);
      int n = (int) Math.min(CHUNK_BYTES, left);
      out.write(chunk, 0, n);
      digest.update(chunk, 0, n);
    }
    return digest.digest();
  }

  /** The same sequence as {@link #write}, in memory; for small sizes only. */
  public static byte[] of(long seed, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    try {
      write(out, seed, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** SHA-256 of everything left in {@code in}, read 64 KiB at a time; closes {@code in}. */
  public static byte[] sha256(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] chunk = new byte[CHUNK_BYTES];
    try (in) {
      for (int n; (n = in.read(chunk)) != -1; ) {
        digest.update(chunk, 0, n);
      }
    }
    return digest.digest();
  }

  public static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
