package org.custos.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way of presenting a blob that is not exactly what was sealed, for this instance, fails. */
class BlobTamperingTest {
  private final BlobFixture fixture = new BlobFixture();

  @ParameterizedTest
  @ValueSource(ints = {0, 100})
  void everySingleByteFlip_inHeaderAndBody_failsIntegrity(int size) {
    byte[] blob = fixture.seal(new BlobCipher(), BlobFixture.random(size, 3), BlobFixture.CONTEXT);
    for (int i = 0; i < blob.length; i++) {
      byte[] edited = blob.clone();
      edited[i] ^= (byte) (1 << (i % 8));
      assertFailsBothWays(edited, BlobFixture.CONTEXT);
    }
  }

  @Test
  void byteFlips_acrossSmallSegments_failIntegrity() {
    byte[] blob = fixture.seal(BlobCipherTest.SMALL_SEGMENTS, BlobFixture.random(10_000, 4), BlobFixture.CONTEXT);
    for (int i = 0; i < blob.length; i += 13) {
      byte[] edited = blob.clone();
      edited[i] ^= 0x80;
      assertFailsBothWays(edited, BlobFixture.CONTEXT);
    }
  }

  @Test
  void truncation_atAnyOffset_failsIntegrity() {
    byte[] small = fixture.seal(new BlobCipher(), BlobFixture.random(100, 5), BlobFixture.CONTEXT);
    for (int length = 0; length < small.length; length++) {
      assertFailsBothWays(Arrays.copyOf(small, length), BlobFixture.CONTEXT);
    }
    byte[] segmented = fixture.seal(BlobCipherTest.SMALL_SEGMENTS, BlobFixture.random(3 * 4080, 6), BlobFixture.CONTEXT);
    int header = new BlobCipher().readHeader(new ByteArrayInputStream(segmented)).headerLengthBytes();
    for (int length = header; length < segmented.length; length += 7) {
      assertFailsBothWays(Arrays.copyOf(segmented, length), BlobFixture.CONTEXT);
    }
    for (int segmentEnd = header + 4096; segmentEnd < segmented.length; segmentEnd += 4096) {
      assertFailsBothWays(Arrays.copyOf(segmented, segmentEnd), BlobFixture.CONTEXT);
    }
  }

  @Test
  void truncation_isReportedAsTheFinalSegment() {
    byte[] blob = fixture.seal(BlobCipherTest.SMALL_SEGMENTS, BlobFixture.random(10_000, 7), BlobFixture.CONTEXT);
    assertThatThrownBy(() -> fixture.open(Arrays.copyOf(blob, blob.length - 4096), BlobFixture.CONTEXT))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("final segment")
        .hasMessageContaining("truncated");
  }

  @Test
  void blobs_ofAnotherInstanceVersionOrArchive_failIntegrity() {
    byte[] blob = fixture.seal(new BlobCipher(), BlobFixture.random(1000, 8), BlobFixture.CONTEXT);
    BlobContext ours = BlobFixture.CONTEXT;
    for (BlobContext other : new BlobContext[] {
        new BlobContext(ours.archiveId(), ours.sopInstanceUid() + ".1", ours.version()),
        new BlobContext(ours.archiveId(), ours.sopInstanceUid(), ours.version() + 1),
        new BlobContext("archive-2", ours.sopInstanceUid(), ours.version())}) {
      assertFailsBothWays(blob, other);
      assertThatThrownBy(() -> fixture.open(blob, other))
          .hasMessageContaining("data key")
          .hasMessageNotContaining(ours.sopInstanceUid());
    }
  }

  @Property(tries = 100)
  void anyOtherContext_failsIntegrity(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String archiveId,
      @ForAll @NumericChars @StringLength(min = 1, max = 30) String uid, @ForAll @IntRange(min = 1, max = 5) int version) {
    BlobContext other = new BlobContext(archiveId, uid, version);
    Assume.that(!other.equals(BlobFixture.CONTEXT));
    byte[] blob = fixture.seal(BlobCipherTest.SMALL_SEGMENTS, BlobFixture.random(100, version), BlobFixture.CONTEXT);
    assertFailsBothWays(blob, other);
  }

  @Test
  void headerOfOneBlob_onTheBodyOfAnother_failsIntegrity() {
    byte[] a = fixture.seal(new BlobCipher(), BlobFixture.random(1000, 9), BlobFixture.CONTEXT);
    byte[] b = fixture.seal(new BlobCipher(), BlobFixture.random(1000, 10), BlobFixture.CONTEXT);
    int headerA = new BlobCipher().readHeader(new ByteArrayInputStream(a)).headerLengthBytes();
    int headerB = new BlobCipher().readHeader(new ByteArrayInputStream(b)).headerLengthBytes();
    byte[] spliced = Arrays.copyOf(a, headerA + b.length - headerB);
    System.arraycopy(b, headerB, spliced, headerA, b.length - headerB);
    assertFailsBothWays(spliced, BlobFixture.CONTEXT);
    assertThatThrownBy(() -> fixture.open(spliced, BlobFixture.CONTEXT)).hasMessageContaining("segment 0");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void reorderedSegments_failIntegrity(boolean smallSegments) {
    int segment = smallSegments ? 4096 : 1_048_576;
    int plaintextSegment = segment - 16;
    BlobCipher cipher = smallSegments ? BlobCipherTest.SMALL_SEGMENTS : new BlobCipher();
    byte[] plaintext = BlobFixture.random(3 * plaintextSegment - 40, 11);
    byte[] blob = fixture.seal(cipher, plaintext, BlobFixture.CONTEXT);
    int header = new BlobCipher().readHeader(new ByteArrayInputStream(blob)).headerLengthBytes();
    assertThat(blob.length - header).isEqualTo(3 * segment);
    byte[] swapped = blob.clone();
    System.arraycopy(blob, header + segment, swapped, header + 2 * segment, segment);
    System.arraycopy(blob, header + 2 * segment, swapped, header + segment, segment);
    assertFailsBothWays(swapped, BlobFixture.CONTEXT);
    assertThatThrownBy(() -> fixture.open(swapped, BlobFixture.CONTEXT))
        .hasMessageContaining("segment 1 (plaintext offset " + (plaintextSegment - 40) + ")");
    assertThatThrownBy(() -> fixture.openSeekable(swapped, BlobFixture.CONTEXT))
        .hasMessageContaining("segment 1 (plaintext offset " + (plaintextSegment - 40) + ")");
  }

  private void assertFailsBothWays(byte[] blob, BlobContext context) {
    assertThatThrownBy(() -> fixture.open(blob, context)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> fixture.openSeekable(blob, context)).isInstanceOf(IntegrityException.class);
  }
}
