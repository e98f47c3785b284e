package org.custos.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BlobCipherTest {
  // Tink AES256_GCM_HKDF_1MB: 1 MiB ciphertext segments with a 16-byte tag; the first segment
  // also carries the 40-byte stream header.
  static final int FIRST_SEGMENT = 1_048_576 - 16 - 40;
  static final int SEGMENT = 1_048_576 - 16;
  static final BlobCipher SMALL_SEGMENTS = new BlobCipher(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB);

  private final BlobFixture fixture = new BlobFixture();

  @ParameterizedTest
  @ValueSource(ints = {0, 1, FIRST_SEGMENT - 1, FIRST_SEGMENT, FIRST_SEGMENT + 1, FIRST_SEGMENT + SEGMENT - 1,
      FIRST_SEGMENT + SEGMENT, FIRST_SEGMENT + SEGMENT + 1, 5 * 1024 * 1024})
  void roundTrip_streamingAndSeekable(int size) {
    byte[] plaintext = BlobFixture.random(size, size);
    byte[] blob = fixture.seal(new BlobCipher(), plaintext, BlobFixture.CONTEXT);
    assertThat(fixture.open(blob, BlobFixture.CONTEXT)).isEqualTo(plaintext);
    assertThat(fixture.openSeekable(blob, BlobFixture.CONTEXT)).isEqualTo(plaintext);
  }

  @Property(tries = 200)
  void roundTrip_withFourKibSegments(@ForAll @Size(max = 20_000) byte[] plaintext) {
    byte[] blob = fixture.seal(SMALL_SEGMENTS, plaintext, BlobFixture.CONTEXT);
    assertThat(fixture.open(blob, BlobFixture.CONTEXT)).isEqualTo(plaintext);
    assertThat(fixture.openSeekable(blob, BlobFixture.CONTEXT)).isEqualTo(plaintext);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4096 - 56, 4096 - 55, 40_000, (int) BlobCipher.SMALL_PLAINTEXT_BYTES})
  void encryptSmall_writesFourKibSegments_thatTheDefaultReaderOpens(int size) throws IOException {
    byte[] plaintext = BlobFixture.random(size, size + 3);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = new BlobCipher().encryptSmall(sink, fixture.key, BlobFixture.CONTEXT)) {
      out.write(plaintext);
    }
    byte[] blob = sink.toByteArray();
    int body = blob.length - new BlobCipher().readHeader(new ByteArrayInputStream(blob)).headerLengthBytes();
    // Tink's layout with 4,096-byte ciphertext segments: the first carries 4096 - 16 - 40 bytes.
    int segments = size <= 4096 - 56 ? 1 : 1 + (size - (4096 - 56) + 4080 - 1) / 4080;
    assertThat(body).isEqualTo(size + 40 + 16 * segments);
    assertThat(fixture.open(blob, BlobFixture.CONTEXT)).isEqualTo(plaintext);
    assertThat(fixture.openSeekable(blob, BlobFixture.CONTEXT)).isEqualTo(plaintext);
  }

  @Test
  void sameInput_givesDifferentBlobs() {
    byte[] plaintext = BlobFixture.random(100, 1);
    assertThat(fixture.seal(new BlobCipher(), plaintext, BlobFixture.CONTEXT))
        .isNotEqualTo(fixture.seal(new BlobCipher(), plaintext, BlobFixture.CONTEXT));
  }

  @Test
  void readHeader_namesThePatientKeyAndStopsAtTheBody() throws IOException {
    byte[] blob = fixture.seal(new BlobCipher(), new byte[10], BlobFixture.CONTEXT);
    InputStream in = new ByteArrayInputStream(blob);
    BlobHeader header = new BlobCipher().readHeader(in);
    assertThat(header.formatVersion()).isEqualTo(1);
    assertThat(header.patientKeyId()).isEqualTo(fixture.key.id());
    assertThat(in.readAllBytes()).hasSize(blob.length - header.headerLengthBytes());
    assertThat(blob).startsWith('C', 'U', 'S', 'T', 'O', 'S', 'B', 1, 0, 1);
  }

  @Test
  void seekableReads_ofRandomRanges_matchThePlaintext() throws IOException {
    for (BlobCipher cipher : new BlobCipher[] {new BlobCipher(), SMALL_SEGMENTS}) {
      byte[] plaintext = BlobFixture.random(FIRST_SEGMENT + 2 * SEGMENT + 777, 7);
      byte[] blob = fixture.seal(cipher, plaintext, BlobFixture.CONTEXT);
      Random random = new Random(42);
      try (SeekableByteChannel channel = new BlobCipher().decryptSeekable(new ByteArrayChannel(blob), fixture.exact, BlobFixture.CONTEXT)) {
        assertThat(channel.size()).isEqualTo(plaintext.length);
        for (int i = 0; i < 300; i++) {
          int start = random.nextInt(plaintext.length);
          int length = Math.min(random.nextInt(i % 3 == 0 ? 3 * SEGMENT : 9000), plaintext.length - start);
          ByteBuffer range = ByteBuffer.allocate(length);
          channel.position(start);
          while (range.hasRemaining() && channel.read(range) > 0) {
            // keep reading
          }
          assertThat(range.array()).isEqualTo(Arrays.copyOfRange(plaintext, start, start + length));
          assertThat(channel.position()).isEqualTo(start + length);
        }
      }
    }
  }

  @Test
  void encryptClose_flushesButDoesNotCloseTheSink() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream sink = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    try (OutputStream out = new BlobCipher().encrypt(sink, fixture.key, BlobFixture.CONTEXT)) {
      out.write(new byte[] {1, 2, 3});
    }
    assertThat(closed[0]).isFalse();
    assertThat(fixture.open(sink.toByteArray(), BlobFixture.CONTEXT)).containsExactly(1, 2, 3);
  }

  @Test
  void resolverKeyNotFound_propagates() {
    byte[] blob = fixture.seal(new BlobCipher(), new byte[10], BlobFixture.CONTEXT);
    PatientKeyResolver shredded = id -> {
      throw new KeyNotFoundException("patient key " + id + " was shredded");
    };
    BlobCipher cipher = new BlobCipher();
    assertThatThrownBy(() -> cipher.decrypt(new ByteArrayInputStream(blob), shredded, BlobFixture.CONTEXT))
        .isInstanceOf(KeyNotFoundException.class);
    assertThatThrownBy(() -> cipher.decryptSeekable(new ByteArrayChannel(blob), shredded, BlobFixture.CONTEXT))
        .isInstanceOf(KeyNotFoundException.class);
  }

  @Test
  void sourceFailure_staysAnIOException() throws IOException {
    byte[] blob = fixture.seal(new BlobCipher(), new byte[100_000], BlobFixture.CONTEXT);
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(blob)) {
      private int served;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (served > 1000) {
          throw new IOException("disk on fire");
        }
        int n = super.read(b, off, Math.min(len, 500));
        served += Math.max(n, 0);
        return n;
      }
    };
    InputStream in = new BlobCipher().decrypt(failing, fixture.exact, BlobFixture.CONTEXT);
    assertThatThrownBy(in::readAllBytes).isExactlyInstanceOf(IOException.class).hasMessage("disk on fire");
    ByteArrayChannel channel = new ByteArrayChannel(blob);
    SeekableByteChannel plaintext = new BlobCipher().decryptSeekable(channel, fixture.exact, BlobFixture.CONTEXT);
    channel.failReads = true;
    assertThatThrownBy(() -> plaintext.read(ByteBuffer.allocate(10))).isExactlyInstanceOf(IOException.class);
  }
}
