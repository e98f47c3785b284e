package org.custos.dicom.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.dicom.BulkRef;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;

/**
 * Where the Value Field of encapsulated Pixel Data lies in its source (PS3.5 A.4): the Basic
 * Offset Table item, then one item per fragment, then the Sequence Delimitation Item, each item
 * an 8-byte header followed by its bytes, back to back.
 */
final class EncapsulatedRange {
  private static final int ITEM_HEADER_BYTES = 8;

  private EncapsulatedRange() {}

  /**
   * The range of {@code fragments}, computed from the first item left in the source and the
   * lengths of all items; empty when every item is in memory (no position is known) or the
   * positions do not agree with back-to-back items.
   */
  static Optional<FileRange> of(Value.Fragments fragments) {
    List<Value> items = new ArrayList<>(fragments.fragments().size() + 1);
    items.add(fragments.basicOffsetTable());
    items.addAll(fragments.fragments());
    long before = 0;
    long start = -1;
    boolean deflated = false;
    for (Value item : items) {
      if (item instanceof Value.Bulk bulk) {
        long here = bulk.ref().offset() - ITEM_HEADER_BYTES - before;
        if (here < 0 || (start >= 0 && here != start)) {
          return Optional.empty();
        }
        start = here;
        deflated = bulk.ref().inDeflatedStream();
      }
      before += ITEM_HEADER_BYTES + Value.lengthOf(item);
    }
    if (start < 0) {
      return Optional.empty();
    }
    return Optional.of(new FileRange(start, before + ITEM_HEADER_BYTES, false, deflated, true));
  }

  /**
   * Reads the item headers of {@code range} from {@code in}, which starts at the range, and
   * returns the items as references into the same source.
   */
  static Value.Fragments read(InputStream in, FileRange range) throws IOException {
    long position = range.offset();
    long end = range.offset() + range.length();
    Value basicOffsetTable = null;
    List<Value> fragments = new ArrayList<>();
    while (true) {
      byte[] header = in.readNBytes(ITEM_HEADER_BYTES);
      if (header.length < ITEM_HEADER_BYTES || position + ITEM_HEADER_BYTES > end) {
        throw new IOException("encapsulated range ends before its Sequence Delimitation Item");
      }
      int tag = NumericValues.u16(header, 0) << 16 | NumericValues.u16(header, 2);
      long length = NumericValues.i32(header, 4) & 0xFFFFFFFFL;
      position += ITEM_HEADER_BYTES;
      if (tag == Tag.SEQUENCE_DELIMITATION && basicOffsetTable != null) {
        return new Value.Fragments(basicOffsetTable, fragments);
      }
      if (tag != Tag.ITEM || position + length > end) {
        throw new IOException("encapsulated range holds something other than items (PS3.5 A.4)");
      }
      Value item = new Value.Bulk(new BulkRef(position, length, false, range.deflated()));
      if (basicOffsetTable == null) {
        basicOffsetTable = item;
      } else {
        fragments.add(item);
      }
      in.skipNBytes(length);
      position += length;
    }
  }
}
