package org.custos.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The clear header of a blob (docs/formats/blob.md, "Byte layout"): magic {@code CUSTOSB\x01},
 * format version (u16 big endian), patient key id (u8 length, 1-64 ASCII bytes), wrapped data
 * keyset (u16 big endian length, 1-4096 bytes). Reads exactly the header bytes and nothing more,
 * checking every length before allocating. Parse failures are {@link IntegrityException}s
 * naming the field.
 */
final class BlobHeaderCodec {
  static final byte[] MAGIC = {'C', 'U', 'S', 'T', 'O', 'S', 'B', 0x01};
  static final int FORMAT_VERSION = 1;
  static final int MAX_WRAPPED_DATA_KEY_BYTES = 4096;
  static final int MAX_HEADER_BYTES = MAGIC.length + 2 + 1 + PatientKeyIds.MAX_LENGTH + 2 + MAX_WRAPPED_DATA_KEY_BYTES;

  private BlobHeaderCodec() {}

  /** Magic, version and patient key id: the part the data key's associated data binds. */
  static byte[] prefix(String patientKeyId) {
    byte[] id = PatientKeyIds.check(patientKeyId).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 3 + id.length);
    out.writeBytes(MAGIC);
    out.write(FORMAT_VERSION >>> 8);
    out.write(FORMAT_VERSION & 0xff);
    out.write(id.length);
    out.writeBytes(id);
    return out.toByteArray();
  }

  static byte[] encode(byte[] prefix, byte[] wrappedDataKey) {
    if (wrappedDataKey.length < 1 || wrappedDataKey.length > MAX_WRAPPED_DATA_KEY_BYTES) {
      throw new CryptoException("wrapped data key is " + wrappedDataKey.length + " bytes, allowed 1.." + MAX_WRAPPED_DATA_KEY_BYTES);
    }
    byte[] header = Arrays.copyOf(prefix, prefix.length + 2 + wrappedDataKey.length);
    header[prefix.length] = (byte) (wrappedDataKey.length >>> 8);
    header[prefix.length + 1] = (byte) wrappedDataKey.length;
    System.arraycopy(wrappedDataKey, 0, header, prefix.length + 2, wrappedDataKey.length);
    return header;
  }

  static ParsedBlobHeader read(InputStream in) throws IOException {
    byte[] fixed = readFully(in, MAGIC.length + 3, 0);
    if (!Arrays.equals(fixed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IntegrityException("blob header: not a Custos blob (bad magic)");
    }
    int version = ((fixed[8] & 0xff) << 8) | (fixed[9] & 0xff);
    if (version != FORMAT_VERSION) {
      throw new IntegrityException("blob header: unsupported format version " + version + " (supported: " + FORMAT_VERSION + ")");
    }
    int idLength = fixed[10] & 0xff;
    if (idLength < 1 || idLength > PatientKeyIds.MAX_LENGTH) {
      throw new IntegrityException("blob header: patient key id length " + idLength + " outside 1.." + PatientKeyIds.MAX_LENGTH);
    }
    byte[] id = readFully(in, idLength, fixed.length);
    String patientKeyId = new String(id, StandardCharsets.US_ASCII);
    if (!PatientKeyIds.isWellFormed(patientKeyId)) {
      throw new IntegrityException("blob header: patient key id is not 1-64 of [A-Za-z0-9._-]");
    }
    int prefixLength = fixed.length + idLength;
    byte[] lengthField = readFully(in, 2, prefixLength);
    int wrappedLength = ((lengthField[0] & 0xff) << 8) | (lengthField[1] & 0xff);
    if (wrappedLength < 1 || wrappedLength > MAX_WRAPPED_DATA_KEY_BYTES) {
      throw new IntegrityException("blob header: wrapped data key length " + wrappedLength + " outside 1.." + MAX_WRAPPED_DATA_KEY_BYTES);
    }
    byte[] wrapped = readFully(in, wrappedLength, prefixLength + 2);
    byte[] prefix = Arrays.copyOf(fixed, prefixLength);
    System.arraycopy(id, 0, prefix, fixed.length, idLength);
    byte[] header = encode(prefix, wrapped);
    return new ParsedBlobHeader(new BlobHeader(version, patientKeyId, header.length), header, prefixLength, wrapped);
  }

  private static byte[] readFully(InputStream in, int length, int offsetSoFar) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new IntegrityException("blob header: truncated after " + (offsetSoFar + bytes.length) + " bytes");
    }
    return bytes;
  }
}
