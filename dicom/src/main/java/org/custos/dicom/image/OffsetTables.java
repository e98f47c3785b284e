package org.custos.dicom.image;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;

/**
 * Maps the offset tables of encapsulated pixel data onto fragment indexes. Each method returns
 * the index of every frame's first fragment, or empty when its source is absent or not usable.
 */
final class OffsetTables {
  private static final int ITEM_HEADER_BYTES = 8; // PS3.5 7.5: item tag and 32-bit length

  private final List<Value> fragments;
  private final int frames;
  private final ValueBytes values;
  /** Offset of each fragment's item tag from the first fragment's item tag (PS3.5 A.4). */
  private final long[] itemStarts;

  OffsetTables(List<Value> fragments, int frames, BulkDataSource bulk) {
    this.fragments = fragments;
    this.frames = frames;
    this.values = new ValueBytes(bulk);
    this.itemStarts = new long[fragments.size()];
    long position = 0;
    for (int k = 0; k < fragments.size(); k++) {
      itemStarts[k] = position;
      position += ITEM_HEADER_BYTES + Value.lengthOf(fragments.get(k));
    }
  }

  /** From the Extended Offset Table (7FE0,0001), 64-bit offsets (PS3.3 C.7.6.3.1.8). */
  Optional<int[]> extended(DataSet dataSet) {
    Optional<Value> table = dataSet.get(Tags.ExtendedOffsetTable).map(DicomElement::value);
    if (table.isEmpty() || Value.lengthOf(table.get()) != 8L * frames) {
      return Optional.empty();
    }
    byte[] bytes = values.readAll(table.get(), 8, "Extended Offset Table (7FE0,0001)");
    long[] offsets = new long[frames];
    for (int i = 0; i < frames; i++) {
      offsets[i] = NumericValues.i64(bytes, 8 * i);
    }
    return toFragments(offsets);
  }

  /** From the Basic Offset Table, 32-bit unsigned offsets (PS3.5 A.4). */
  Optional<int[]> basic(Value table) {
    if (Value.lengthOf(table) != 4L * frames) {
      return Optional.empty();
    }
    byte[] bytes = values.readAll(table, 1, "Basic Offset Table");
    long[] offsets = new long[frames];
    for (int i = 0; i < frames; i++) {
      offsets[i] = NumericValues.i32(bytes, 4 * i) & 0xFFFFFFFFL;
    }
    return toFragments(offsets);
  }

  /** Fragments whose first two bytes are {@code marker}. */
  Optional<int[]> markers(int marker) {
    int[] starts = new int[frames];
    int found = 0;
    for (int k = 0; k < fragments.size(); k++) {
      Value fragment = fragments.get(k);
      if (Value.lengthOf(fragment) < 2) {
        continue;
      }
      byte[] head = values.read(fragment, 0, 2, 1, "fragment " + k);
      if (((head[0] & 0xFF) << 8 | (head[1] & 0xFF)) == marker) {
        if (found == frames) {
          return Optional.empty();
        }
        starts[found++] = k;
      }
    }
    return found == frames && starts[0] == 0 ? Optional.of(starts) : Optional.empty();
  }

  private Optional<int[]> toFragments(long[] offsets) {
    int[] starts = new int[offsets.length];
    for (int i = 0; i < offsets.length; i++) {
      int k = Arrays.binarySearch(itemStarts, offsets[i]);
      if (k < 0 || (i == 0 && k != 0) || (i > 0 && k <= starts[i - 1])) {
        return Optional.empty();
      }
      starts[i] = k;
    }
    return Optional.of(starts);
  }
}
