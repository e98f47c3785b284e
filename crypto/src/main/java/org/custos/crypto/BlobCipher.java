package org.custos.crypto;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * The encrypted blob format (docs/formats/blob.md): a versioned header (magic, format version,
 * patient key id, data key wrapped under the patient key) followed by Tink's segmented streaming
 * AEAD (AES256_GCM_HKDF_1MB) with {@link BlobContext#associatedData()}. A fresh data key per
 * blob. Thread-safe; the streams it returns are not.
 */
public final class BlobCipher {

  /**
   * Writes the header to {@code sink} and returns a stream taking the plaintext. Its
   * {@code close()} writes the final segment and flushes {@code sink} but does not close it (the
   * caller makes the sink durable).
   */
  public OutputStream encrypt(OutputStream sink, PatientKey key, BlobContext context) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Reads the header, resolves the patient key and returns the plaintext. Reading throws
   * {@link IntegrityException} (unchecked) as soon as a segment, the header or the end of the
   * stream does not authenticate (truncation, reordering, edits, a blob of another instance).
   */
  public InputStream decrypt(InputStream source, PatientKeyResolver keys, BlobContext context) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Random access to the plaintext: positions and sizes are plaintext ones; only the segments
   * touched are read and authenticated.
   */
  public SeekableByteChannel decryptSeekable(SeekableByteChannel source, PatientKeyResolver keys, BlobContext context) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Reads just the header (to find the patient key id) without decrypting. */
  public BlobHeader readHeader(InputStream source) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
