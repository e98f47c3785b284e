package org.custos.archive.retrieve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.seal.Sha256;
import org.custos.crypto.IntegrityException;

/**
 * Hashes the plaintext as it is read and, at its end, compares with the stored seal: a mismatch
 * (or a segment that does not authenticate) throws {@link IntegrityFailureException} instead of
 * the end of stream, so a reader never sees a clean end of altered data. {@code onFailure} is told
 * first (to record the integrity alarm). Not thread-safe.
 */
final class SealCheckingInputStream extends FilterInputStream {
  private final MessageDigest digest = Sha256.newDigest();
  private final byte[] expected;
  private final long expectedSize;
  private final String instanceId;
  private final Consumer<String> onFailure;
  private long count;
  private boolean checked;

  SealCheckingInputStream(InputStream in, byte[] expected, long expectedSize, String instanceId,
      Consumer<String> onFailure) {
    super(in);
    this.expected = expected.clone();
    this.expectedSize = expectedSize;
    this.instanceId = instanceId;
    this.onFailure = onFailure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IntegrityException e) {
      throw fail("the blob does not authenticate after " + count + " bytes", e);
    }
    if (n < 0) {
      check();
      return -1;
    }
    digest.update(buffer, offset, n);
    count += n;
    if (count > expectedSize) {
      throw fail("the blob is longer than the " + expectedSize + " bytes recorded", null);
    }
    return n;
  }

  private void check() {
    if (checked) {
      return;
    }
    checked = true;
    if (count != expectedSize) {
      throw fail("the blob holds " + count + " bytes, " + expectedSize + " were recorded", null);
    }
    if (!MessageDigest.isEqual(digest.digest(), expected)) {
      throw fail("the stored bytes do not match their seal", null);
    }
  }

  private IntegrityFailureException fail(String what, Throwable cause) {
    String message = "instance " + instanceId + ": " + what;
    onFailure.accept(message);
    return new IntegrityFailureException(message, cause);
  }

  @Override
  public long skip(long n) throws IOException {
    // FilterInputStream.skip would bypass the digest: read instead.
    byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(n, 1))];
    long done = 0;
    while (done < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
