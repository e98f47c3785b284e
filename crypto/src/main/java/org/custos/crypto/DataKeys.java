package org.custos.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Per-blob data keys: a fresh Tink streaming AEAD keyset (one AES-GCM-HKDF key,
 * https://developers.google.com/tink/streaming-aead/aes_gcm_hkdf_streaming) encrypted under the
 * patient key with Tink's encrypted keyset format (TinkProtoKeysetFormat.serializeEncryptedKeyset),
 * associated data {@code "custos-blob-data-key/1" 0x00 || header prefix || BlobContext AD}.
 *
 * <p>Decryption uses Tink's single-key primitive rather than the keyset wrapper: the wrapper's
 * seekable channel cannot report its size before the first read and swallows source errors while
 * it tries keys, and a data keyset only ever has one key.
 */
final class DataKeys {
  static final AesGcmHkdfStreamingParameters DEFAULT = PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB;
  /** What a reader accepts: the default and the 4 KiB-segment variant. */
  static final List<AesGcmHkdfStreamingParameters> ACCEPTED =
      List.of(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB, PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB);
  private static final byte[] LABEL = "custos-blob-data-key/1\0".getBytes(StandardCharsets.US_ASCII);

  private DataKeys() {}

  static KeysetHandle generate(AesGcmHkdfStreamingParameters parameters) {
    return TinkKeysets.generate(parameters);
  }

  static byte[] wrap(KeysetHandle dataKeyset, PatientKey key, byte[] associatedData) {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKeyset, key.aead(), associatedData);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("could not wrap a data key under patient key " + key.id(), e);
    }
  }

  static StreamingAead unwrap(byte[] wrapped, PatientKey key, byte[] associatedData) {
    KeysetHandle keyset;
    try {
      keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, key.aead(), associatedData);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("blob header: data key does not authenticate under patient key " + key.id()
          + " (edited header, or a blob of another instance, version or archive)");
    }
    if (keyset.size() != 1 || !ACCEPTED.contains(keyset.getPrimary().getKey().getParameters())) {
      throw new IntegrityException("blob header: data key is not a single AES256_GCM_HKDF streaming key");
    }
    return primitive(keyset);
  }

  static StreamingAead primitive(KeysetHandle keyset) {
    try {
      return AesGcmHkdfStreaming.create((AesGcmHkdfStreamingKey) keyset.getPrimary().getKey());
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink has no streaming AEAD for this data key", e);
    }
  }

  /** {@code LABEL || headerPrefix || contextAd}: binds format version, patient key id and context. */
  static byte[] associatedData(byte[] headerPrefix, BlobContext context) {
    return concat(LABEL, headerPrefix, context.associatedData());
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
