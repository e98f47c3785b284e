package org.custos.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Random;

/** One patient key under an in-memory root, and helpers to seal and open whole blobs. Test-only. */
final class BlobFixture {
  static final BlobContext CONTEXT = new BlobContext("archive-1", "1.2.826.0.1.3680043.2.1143.1", 1);
  final KeyHierarchy hierarchy = new KeyHierarchy(new InMemoryRootKeyProvider(new InMemoryRootKeyProvider.Store()));
  final PatientKey key = hierarchy.createPatientKey().key();
  /** Answers with {@link #key} whatever id is asked, so that header edits reach the crypto. */
  final PatientKeyResolver anyId = id -> key;
  final PatientKeyResolver exact = id -> {
    if (!id.equals(key.id())) {
      throw new KeyNotFoundException("no patient key " + id);
    }
    return key;
  };

  static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  byte[] seal(BlobCipher cipher, byte[] plaintext, BlobContext context) {
    return seal(cipher, key, plaintext, context);
  }

  static byte[] seal(BlobCipher cipher, PatientKey key, byte[] plaintext, BlobContext context) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = cipher.encrypt(sink, key, context)) {
      out.write(plaintext);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink.toByteArray();
  }

  byte[] open(byte[] blob, BlobContext context) {
    try (InputStream in = new BlobCipher().decrypt(new ByteArrayInputStream(blob), anyId, context)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] openSeekable(byte[] blob, BlobContext context) {
    return openSeekableWith(blob, anyId, context);
  }

  byte[] openSeekableWith(byte[] blob, PatientKeyResolver keys, BlobContext context) {
    try (SeekableByteChannel channel = new BlobCipher().decryptSeekable(new ByteArrayChannel(blob), keys, context)) {
      ByteBuffer plaintext = ByteBuffer.allocate((int) channel.size());
      while (plaintext.hasRemaining() && channel.read(plaintext) >= 0) {
        // keep reading
      }
      if (channel.read(ByteBuffer.allocate(1)) != -1) {
        throw new AssertionError("plaintext longer than size()");
      }
      return plaintext.array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
