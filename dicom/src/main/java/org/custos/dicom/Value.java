package org.custos.dicom;

import java.util.Arrays;
import java.util.List;

/**
 * The value of a data element: bytes held in memory, a reference to bulk bytes left in the
 * source, a sequence of items, or encapsulated pixel data fragments.
 *
 * <p>In-memory binary values are held little endian whatever the source byte order, so that the
 * model is independent of the transfer syntax; text values are the raw bytes in the data set's
 * Specific Character Set.
 */
public sealed interface Value {

  /** Value bytes held in memory; {@link #bytes()} returns a copy. */
  final class Bytes implements Value {
    static final Bytes EMPTY = new Bytes(new byte[0]);
    private final byte[] bytes;

    private Bytes(byte[] bytes) {
      this.bytes = bytes;
    }

    public static Bytes of(byte[] bytes) {
      return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** Takes ownership without copying: for the parser, which never shares the array. */
    static Bytes wrap(byte[] bytes) {
      return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    public byte[] bytes() {
      return bytes.clone();
    }

    public int length() {
      return bytes.length;
    }

    /** A read-only little-endian view of the value, without copying. */
    public java.nio.ByteBuffer asReadOnlyBuffer() {
      return java.nio.ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes the value to {@code out} without copying it. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
      out.write(bytes);
    }

    /** The held array, not copied: callers inside the codec must not modify it. */
    byte[] raw() {
      return bytes;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bytes[" + bytes.length + "]";
    }
  }

  /** A value left in the source; read it through a {@link BulkDataSource}. */
  record Bulk(BulkRef ref) implements Value {}

  /**
   * A sequence of items. {@code undefinedLength} records how it was encoded so that writing it
   * back in the same transfer syntax reproduces the input.
   */
  record Sequence(List<DataSet> items, boolean undefinedLength) implements Value {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /**
   * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item followed by fragments.
   * Each entry is a {@link Bytes} or a {@link Bulk}.
   */
  record Fragments(Value basicOffsetTable, List<Value> fragments) implements Value {
    public Fragments {
      fragments = List.copyOf(fragments);
      requireLeaf(basicOffsetTable);
      fragments.forEach(Fragments::requireLeaf);
    }

    private static void requireLeaf(Value value) {
      if (!(value instanceof Bytes) && !(value instanceof Bulk)) {
        throw new IllegalArgumentException("a fragment holds bytes or a bulk reference, not " + value);
      }
    }
  }

  /** Length of the value in bytes as it would be encoded, for leaf values; -1 for containers. */
  static long lengthOf(Value value) {
    if (value instanceof Bytes b) {
      return b.length();
    }
    if (value instanceof Bulk bulk) {
      return bulk.ref().length();
    }
    return -1;
  }
}
