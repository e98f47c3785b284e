package org.custos.crypto;

import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * Where Tink's plaintext segments start, taken from Tink's own primitive (never recomputed here):
 * the first segment holds {@code plaintextSegmentSize - ciphertextOffset} bytes, every later one
 * {@code plaintextSegmentSize}. Used only to cut reads at segment boundaries so that an
 * authentication failure can name the failing segment and its plaintext offset.
 */
record SegmentLayout(long firstSegmentBytes, long segmentBytes) {
  static SegmentLayout of(StreamingAead aead) {
    if (!(aead instanceof AesGcmHkdfStreaming tink)) {
      throw new CryptoException("unexpected Tink streaming AEAD " + aead.getClass().getName());
    }
    return new SegmentLayout(tink.getPlaintextSegmentSize() - tink.getCiphertextOffset(), tink.getPlaintextSegmentSize());
  }

  long index(long offset) {
    return offset < firstSegmentBytes ? 0 : 1 + (offset - firstSegmentBytes) / segmentBytes;
  }

  long start(long offset) {
    long index = index(offset);
    return index == 0 ? 0 : firstSegmentBytes + (index - 1) * segmentBytes;
  }

  long end(long offset) {
    return index(offset) == 0 ? firstSegmentBytes : start(offset) + segmentBytes;
  }

  /** How many bytes a read at {@code offset} may take without crossing into the next segment. */
  int room(long offset, int wanted) {
    return (int) Math.min(wanted, end(offset) - offset);
  }

  String describe(long offset) {
    return "segment " + index(offset) + " (plaintext offset " + start(offset) + ")";
  }
}
