package org.custos.archive.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;

/** Bytes of a {@link WrappedKey} for a settings value: u8 id length, id, u32 version, ciphertext. */
public final class WrappedKeyCodec {
  private WrappedKeyCodec() {}

  public static byte[] encode(WrappedKey key) {
    byte[] id = key.wrappedBy().keyId().getBytes(StandardCharsets.US_ASCII);
    byte[] ciphertext = key.ciphertext();
    return ByteBuffer.allocate(1 + id.length + 4 + ciphertext.length).put((byte) id.length).put(id)
        .putInt(key.wrappedBy().version()).put(ciphertext).array();
  }

  public static WrappedKey decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte[] id = new byte[buffer.get() & 0xFF];
    buffer.get(id);
    int version = buffer.getInt();
    byte[] ciphertext = new byte[buffer.remaining()];
    buffer.get(ciphertext);
    return new WrappedKey(new KeyVersion(new String(id, StandardCharsets.US_ASCII), version), ciphertext);
  }
}
