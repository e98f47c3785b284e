package org.custos.dicom.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DicomFile;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/**
 * The bytes of a value in our reading, little endian as {@link Value} promises: in-memory values
 * as held, {@link Value.Bulk} references resolved here, independently of the codec, from the file
 * offsets they name (inflating first for a deflated data set, and swapping big endian bulk values
 * by the VR's unit). A wrong offset or length in a {@link BulkRef} therefore shows up as a
 * difference in the comparison.
 */
final class OurBytes {
  private final Path file;
  private final DicomFile dicom;

  OurBytes(Path file, DicomFile dicom) {
    this.file = file;
    this.dicom = dicom;
  }

  /** The little endian bytes of a leaf value of VR {@code vr}. */
  byte[] of(Value value, Vr vr) throws IOException {
    if (value instanceof Value.Bytes bytes) {
      return bytes.bytes();
    }
    if (value instanceof Value.Bulk bulk) {
      return resolve(bulk.ref(), vr);
    }
    throw new IllegalArgumentException("not a leaf value: " + value);
  }

  private byte[] resolve(BulkRef ref, Vr vr) throws IOException {
    if (ref.length() > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(file + ": bulk value of " + ref.length() + " bytes is too large to compare");
    }
    byte[] bytes;
    try (InputStream in = open(ref)) {
      in.skipNBytes(ref.offset());
      bytes = in.readNBytes((int) ref.length());
    }
    if (bytes.length != ref.length()) {
      throw new IllegalStateException(file + ": bulk reference at " + ref.offset() + " of " + ref.length()
          + " bytes runs past the end of the source");
    }
    if (ref.bigEndian()) {
      NumericValues.swap(bytes, 0, bytes.length, NumericValues.swapUnit(vr));
    }
    return bytes;
  }

  private InputStream open(BulkRef ref) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (!ref.inDeflatedStream()) {
      return in;
    }
    // PS3.5 A.5: the data set after the file meta is a raw deflate stream (RFC 1951, no zlib header).
    in.skipNBytes(dicom.dataSetOffset());
    return new InflaterInputStream(in, new Inflater(true), 1 << 16);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
