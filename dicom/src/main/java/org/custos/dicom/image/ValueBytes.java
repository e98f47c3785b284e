package org.custos.dicom.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DicomIoException;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Value;

/**
 * Copies byte ranges out of leaf values, in memory or behind a {@link BulkRef}, little endian:
 * in-memory values already are (see {@link Value}); bulk bytes from a big endian source are
 * swapped in {@code swapUnit}-byte groups counted from the start of the value (PS3.5 7.3).
 *
 * <p>The core offers no view of a {@link Value.Bytes}, only a copy; the last in-memory value
 * read is kept, so that decoding many frames of one native value copies it once, not per frame.
 * Bulk ranges are read on each call. Not thread-safe; use one instance per decode.
 */
final class ValueBytes {
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final BulkDataSource bulk;
  private Value.Bytes copied;
  private byte[] copy;

  ValueBytes(BulkDataSource bulk) {
    this.bulk = bulk;
  }

  /** The whole value. */
  byte[] readAll(Value value, int swapUnit, String what) {
    return read(value, 0, Value.lengthOf(value), swapUnit, what);
  }

  /** The frame's bytes: its parts concatenated. */
  byte[] read(FrameLocation location, Value pixelData, int swapUnit) {
    long total = location.lengthBytes();
    String what = "frame " + location.frameIndex();
    requireArraySize(total, what);
    byte[] out = new byte[(int) total];
    int at = 0;
    for (FramePart part : location.parts()) {
      Value value = part.fragmentIndex() == FramePart.NATIVE
          ? pixelData
          : ((Value.Fragments) pixelData).fragments().get(part.fragmentIndex());
      byte[] run = read(value, part.offset(), part.length(), swapUnit, what);
      System.arraycopy(run, 0, out, at, run.length);
      at += run.length;
    }
    return out;
  }

  /** {@code length} bytes from {@code offset} of a leaf value. */
  byte[] read(Value value, long offset, long length, int swapUnit, String what) {
    requireArraySize(length, what);
    if (value instanceof Value.Bytes bytes) {
      if (offset + length > bytes.length()) {
        throw new ImageException(what + " needs bytes " + offset + ".." + (offset + length)
            + " of a value of " + bytes.length() + " bytes");
      }
      if (copied != bytes) {
        copy = bytes.bytes();
        copied = bytes;
      }
      return Arrays.copyOfRange(copy, (int) offset, (int) (offset + length));
    }
    if (value instanceof Value.Bulk bulkValue) {
      return readBulk(bulkValue.ref(), offset, length, swapUnit, what);
    }
    throw new ImageException(what + " is in a value that is neither bytes nor a bulk reference");
  }

  private byte[] readBulk(BulkRef ref, long offset, long length, int swapUnit, String what) {
    if (offset + length > ref.length()) {
      throw new ImageException(what + " needs bytes " + offset + ".." + (offset + length)
          + " of a value of " + ref.length() + " bytes");
    }
    int unit = ref.bigEndian() ? Math.max(swapUnit, 1) : 1;
    long start = offset - offset % unit;
    long end = Math.min(ref.length(), (offset + length + unit - 1) / unit * unit);
    requireArraySize(end - start, what);
    BulkRef range = new BulkRef(ref.offset() + start, end - start, ref.bigEndian(), ref.inDeflatedStream());
    byte[] buffer;
    try (InputStream in = bulk.open(range)) {
      buffer = in.readNBytes((int) (end - start));
    } catch (IOException e) {
      throw new DicomIoException("cannot read " + what + " from its bulk data source", e);
    }
    if (buffer.length != end - start) {
      throw new ImageException(what + ": bulk data source ended after " + buffer.length + " of "
          + (end - start) + " bytes at source offset " + range.offset());
    }
    NumericValues.swap(buffer, 0, buffer.length, unit);
    return Arrays.copyOfRange(buffer, (int) (offset - start), (int) (offset - start + length));
  }

  private static void requireArraySize(long length, String what) {
    if (length > MAX_ARRAY) {
      throw new ImageException(what + " is " + length + " bytes; at most " + MAX_ARRAY + " can be decoded");
    }
  }
}
