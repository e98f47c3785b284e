package org.custos.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * The encrypted blob format (docs/formats/blob.md): a versioned header (magic, format version,
 * patient key id, data key wrapped under the patient key) followed by Tink's segmented streaming
 * AEAD (AES256_GCM_HKDF_1MB) with {@link BlobContext#associatedData()}. A fresh data key per
 * blob. Thread-safe; the streams it returns are not.
 *
 * <p>Guarantees: the body's associated data is the exact header bytes followed by the context's
 * associated data, and the data key's associated data binds the header prefix and the context, so
 * any edit of the header or body, truncation, segment reordering, or a blob presented for another
 * archive, SOP Instance UID or version fails with {@link IntegrityException}. Streaming readers
 * hand out plaintext only of segments that authenticated; the end of the stream is reached only
 * after the final segment authenticated. Not hidden: the plaintext length (to within a segment's
 * overhead) and which patient key a blob needs. I/O errors of the source or sink stay
 * {@link IOException}s ({@link UncheckedIOException} from methods that declare none).
 */
public final class BlobCipher {
  /**
   * A plaintext known to be at most this long is written with 4 KiB segments: Tink's streams hold
   * one segment of plaintext and one of ciphertext, so a 1 MiB-segment blob costs about 2 MiB of
   * buffers to write and again to read, whatever its size — for a 40 KB CT slice that is 50 times
   * the data, and at hundreds of ingests a second the garbage collector's main work. At this size
   * the 4 KiB variant adds at most 64 segment tags (1 KiB) and 64 GCM initialisations.
   */
  public static final long SMALL_PLAINTEXT_BYTES = 256 * 1024;

  private final AesGcmHkdfStreamingParameters parameters;

  /** Writes AES256_GCM_HKDF_1MB blobs. */
  public BlobCipher() {
    this(DataKeys.DEFAULT);
  }

  /** Tests write the 4 KiB-segment variant, which every reader accepts. */
  BlobCipher(AesGcmHkdfStreamingParameters parameters) {
    if (!DataKeys.ACCEPTED.contains(parameters)) {
      throw new IllegalArgumentException("streaming parameters must be AES256_GCM_HKDF_1MB or _4KB");
    }
    this.parameters = parameters;
  }

  /**
   * Writes the header to {@code sink} and returns a stream taking the plaintext. Its
   * {@code close()} writes the final segment and flushes {@code sink} but does not close it (the
   * caller makes the sink durable).
   */
  public OutputStream encrypt(OutputStream sink, PatientKey key, BlobContext context) {
    return encrypt(sink, key, context, parameters);
  }

  /**
   * As {@link #encrypt(OutputStream, PatientKey, BlobContext)}, for a plaintext the caller knows
   * to be at most {@link #SMALL_PLAINTEXT_BYTES} long: written with 4 KiB segments, which every
   * reader accepts. The length is not enforced (a longer plaintext is still encrypted correctly,
   * in more segments).
   */
  public OutputStream encryptSmall(OutputStream sink, PatientKey key, BlobContext context) {
    return encrypt(sink, key, context, PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB);
  }

  private OutputStream encrypt(OutputStream sink, PatientKey key, BlobContext context,
      AesGcmHkdfStreamingParameters segments) {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(context, "context");
    KeysetHandle dataKey = DataKeys.generate(segments);
    byte[] prefix = BlobHeaderCodec.prefix(key.id());
    byte[] wrapped = DataKeys.wrap(dataKey, key, DataKeys.associatedData(prefix, context));
    byte[] header = BlobHeaderCodec.encode(prefix, wrapped);
    try {
      sink.write(header);
      return DataKeys.primitive(dataKey).newEncryptingStream(new NonClosingOutputStream(sink), bodyAd(header, context));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the blob header", e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not start the streaming encryption", e);
    }
  }

  /**
   * Reads the header, resolves the patient key and returns the plaintext. Reading throws
   * {@link IntegrityException} (unchecked) as soon as a segment, the header or the end of the
   * stream does not authenticate (truncation, reordering, edits, a blob of another instance).
   * Header problems and a data key that does not authenticate are reported here, before any
   * plaintext; {@link KeyNotFoundException} from {@code keys} propagates. Closing the returned
   * stream closes {@code source}.
   */
  public InputStream decrypt(InputStream source, PatientKeyResolver keys, BlobContext context) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(context, "context");
    CiphertextInputStream ciphertext = new CiphertextInputStream(Objects.requireNonNull(source, "source"));
    ParsedBlobHeader header = readHeader(ciphertext, "could not read the blob header");
    StreamingAead aead = dataKey(header, keys, context);
    try {
      InputStream plaintext = aead.newDecryptingStream(ciphertext, bodyAd(header.bytes(), context));
      return new PlaintextInputStream(plaintext, ciphertext, SegmentLayout.of(aead));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start reading the blob body", e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not start the streaming decryption", e);
    }
  }

  /**
   * Random access to the plaintext: positions and sizes are plaintext ones; only the segments
   * touched are read and authenticated. The blob starts at position 0 of {@code source}. The
   * channel's {@code size()} is computed from the ciphertext length and confirmed only when the
   * final segment is read. Closing the returned channel closes {@code source}.
   */
  public SeekableByteChannel decryptSeekable(SeekableByteChannel source, PatientKeyResolver keys, BlobContext context) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(context, "context");
    ParsedBlobHeader header;
    try {
      source.position(0);
      header = readHeader(Channels.newInputStream(source), "could not read the blob header");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the blob header", e);
    }
    StreamingAead aead = dataKey(header, keys, context);
    CiphertextChannel body = new CiphertextChannel(source, header.header().headerLengthBytes());
    byte[] ad = bodyAd(header.bytes(), context);
    try {
      SeekableByteChannel plaintext = aead.newSeekableDecryptingChannel(body, ad);
      return new PlaintextChannel(plaintext, body, SegmentLayout.of(aead), () -> readToEnd(aead, body, ad));
    } catch (IOException e) {
      if (body.failed()) {
        throw new UncheckedIOException("could not start reading the blob body", e);
      }
      throw new IntegrityException("blob body: truncated (too short for its segment layout)", e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not start the seekable decryption", e);
    }
  }

  /**
   * Reads just the header (to find the patient key id) without decrypting. Nothing is
   * authenticated yet: the id is a hint until {@link #decrypt} succeeds.
   */
  public BlobHeader readHeader(InputStream source) {
    return readHeader(Objects.requireNonNull(source, "source"), "could not read the blob header").header();
  }

  private static ParsedBlobHeader readHeader(InputStream source, String ioMessage) {
    try {
      return BlobHeaderCodec.read(source);
    } catch (IOException e) {
      throw new UncheckedIOException(ioMessage, e);
    }
  }

  private static StreamingAead dataKey(ParsedBlobHeader header, PatientKeyResolver keys, BlobContext context) {
    PatientKey key = Objects.requireNonNull(keys.resolve(header.header().patientKeyId()), "resolved patient key");
    return DataKeys.unwrap(header.wrappedDataKey(), key, DataKeys.associatedData(header.prefix(), context));
  }

  /** Authenticates a whole body with streaming decryption (used for an empty plaintext). */
  private static void readToEnd(StreamingAead aead, CiphertextChannel body, byte[] ad) throws IOException {
    body.position(0);
    try {
      aead.newDecryptingStream(Channels.newInputStream(body), ad).transferTo(OutputStream.nullOutputStream());
    } catch (GeneralSecurityException e) {
      throw new IOException("Tink could not start the streaming decryption", e);
    }
  }

  /** The body's associated data: the exact header bytes, then the context's (docs/formats/blob.md). */
  private static byte[] bodyAd(byte[] header, BlobContext context) {
    return DataKeys.concat(header, context.associatedData());
  }
}
