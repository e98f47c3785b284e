package org.custos.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Encodes a {@link DataSet} in one transfer syntax (PS3.5 section 7). Computes defined lengths
 * of sequences and items and the values of group length elements before writing them.
 */
final class DataSetEncoder {
  private static final int UNDEFINED = 0xFFFFFFFF;
  private final TransferSyntax syntax;
  private final BulkDataSource bulk;

  /** Encoding of the container being written: UN sequences switch to implicit VR LE (PS3.5 6.2.2). */
  private record Encoding(boolean explicitVr, boolean bigEndian) {
    static final Encoding IMPLICIT_LE = new Encoding(false, false);
  }

  DataSetEncoder(TransferSyntax syntax, BulkDataSource bulk) {
    this.syntax = syntax;
    this.bulk = bulk;
  }

  void write(DataSet ds, EncodedOutput out) throws IOException {
    writeElements(ds, new Encoding(syntax.explicitVr(), syntax.bigEndian()), out);
  }

  private void writeElements(DataSet ds, Encoding enc, EncodedOutput out) throws IOException {
    List<DicomElement> elements = ds.elements();
    for (int i = 0; i < elements.size(); i++) {
      DicomElement e = elements.get(i);
      if (Tag.isGroupLength(e.tag()) && e.value() instanceof Value.Bytes) {
        e = groupLengthElement(e, elements, i, enc);
      }
      writeElement(e, enc, out);
    }
  }

  /** PS3.5 7.2: the group length is the byte count of the group's elements after it. */
  private DicomElement groupLengthElement(DicomElement e, List<DicomElement> elements, int index, Encoding enc) {
    long sum = 0;
    int group = Tag.group(e.tag());
    for (int j = index + 1; j < elements.size() && Tag.group(elements.get(j).tag()) == group; j++) {
      sum += encodedLength(elements.get(j), enc);
    }
    byte[] v = {(byte) sum, (byte) (sum >>> 8), (byte) (sum >>> 16), (byte) (sum >>> 24)};
    return new DicomElement(e.tag(), Vr.UL, Value.Bytes.wrap(v));
  }

  private void writeElement(DicomElement e, Encoding enc, EncodedOutput out) throws IOException {
    Value value = e.value();
    if (value instanceof Value.Sequence seq) {
      boolean un = e.vr() == Vr.UN;
      Encoding inner = un ? Encoding.IMPLICIT_LE : enc;
      long length = seq.undefinedLength() || un ? -1 : sequenceContentLength(seq, inner);
      header(e.tag(), un ? Vr.UN : Vr.SQ, length, enc, out);
      for (DataSet item : seq.items()) {
        writeItem(item, inner, out);
      }
      if (length < 0) {
        out.tag(Tag.SEQUENCE_DELIMITATION, inner.bigEndian());
        out.i32(0, inner.bigEndian());
      }
      return;
    }
    if (value instanceof Value.Fragments frags) {
      if (!syntax.encapsulated()) {
        throw new DicomException("cannot write encapsulated pixel data " + Tag.toString(e.tag())
            + " in native transfer syntax " + syntax.uid() + " without a codec");
      }
      header(e.tag(), e.vr(), -1, enc, out);
      writeFragment(frags.basicOffsetTable(), enc, out);
      for (Value f : frags.fragments()) {
        writeFragment(f, enc, out);
      }
      out.tag(Tag.SEQUENCE_DELIMITATION, enc.bigEndian());
      out.i32(0, enc.bigEndian());
      return;
    }
    long length = Value.lengthOf(value);
    long padded = length + (length & 1);
    header(e.tag(), e.vr(), padded, enc, out);
    writeLeaf(value, e.vr(), enc, out);
  }

  private void writeItem(DataSet item, Encoding enc, EncodedOutput out) throws IOException {
    long length = item.undefinedLength() ? -1 : contentLength(item, enc);
    out.tag(Tag.ITEM, enc.bigEndian());
    out.i32(length < 0 ? UNDEFINED : checkedLength(length, Tag.ITEM), enc.bigEndian());
    writeElements(item, enc, out);
    if (length < 0) {
      out.tag(Tag.ITEM_DELIMITATION, enc.bigEndian());
      out.i32(0, enc.bigEndian());
    }
  }

  private void writeFragment(Value fragment, Encoding enc, EncodedOutput out) throws IOException {
    long length = Value.lengthOf(fragment);
    out.tag(Tag.ITEM, enc.bigEndian());
    out.i32(checkedLength(length + (length & 1), Tag.ITEM), enc.bigEndian());
    writeLeaf(fragment, Vr.OB, enc, out);
  }

  private void header(int tag, Vr vr, long length, Encoding enc, EncodedOutput out) throws IOException {
    out.tag(tag, enc.bigEndian());
    if (enc.explicitVr()) {
      out.u16(vr.code(), true);
      if (vr.hasLongExplicitHeader()) {
        out.u16(0, enc.bigEndian());
        out.i32(length < 0 ? UNDEFINED : checkedLength(length, tag), enc.bigEndian());
      } else {
        if (length > 0xFFFF) {
          throw new DicomException("value of " + Tag.toString(tag) + " (" + length
              + " bytes) is too long for the 16-bit length of VR " + vr + " in explicit VR");
        }
        out.u16((int) length, enc.bigEndian());
      }
    } else {
      out.i32(length < 0 ? UNDEFINED : checkedLength(length, tag), enc.bigEndian());
    }
  }

  private static int checkedLength(long length, int tag) {
    if (length >= 0xFFFFFFFFL) {
      throw new DicomException("length of " + Tag.toString(tag) + " (" + length + " bytes) does not fit 32 bits");
    }
    return (int) length;
  }

  private void writeLeaf(Value value, Vr vr, Encoding enc, EncodedOutput out) throws IOException {
    int unit = NumericValues.swapUnit(vr);
    if (value instanceof Value.Bytes b) {
      byte[] raw = b.raw();
      if (enc.bigEndian() && unit > 1) {
        byte[] swapped = raw.clone();
        NumericValues.swap(swapped, 0, swapped.length, unit);
        out.bytes(swapped);
      } else {
        out.bytes(raw);
      }
      if ((raw.length & 1) != 0) {
        out.bytes(new byte[] {vr.paddingByte()});
      }
      return;
    }
    BulkRef ref = ((Value.Bulk) value).ref();
    boolean swap = ref.bigEndian() != enc.bigEndian() && unit > 1;
    byte[] chunk = new byte[64 * 1024];
    long left = ref.length();
    try (InputStream in = bulk.open(ref)) {
      while (left > 0) {
        int n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
        if (n <= 0) {
          throw new IOException("bulk data source ended " + left + " bytes early for value at offset " + ref.offset());
        }
        if (swap) {
          NumericValues.swap(chunk, 0, n, unit);
        }
        out.bytes(chunk, 0, n);
        left -= n;
      }
    }
    if ((ref.length() & 1) != 0) {
      out.bytes(new byte[] {vr.paddingByte()});
    }
  }

  /** Bytes the element occupies when encoded: header plus (padded) value. */
  long encodedLength(DicomElement e, Encoding enc) {
    Value value = e.value();
    long header = enc.explicitVr() ? (e.vr().hasLongExplicitHeader() || value instanceof Value.Sequence ? 12 : 8) : 8;
    if (value instanceof Value.Sequence seq) {
      boolean un = e.vr() == Vr.UN;
      Encoding inner = un ? Encoding.IMPLICIT_LE : enc;
      long content = sequenceContentLength(seq, inner);
      return header + content + (seq.undefinedLength() || un ? 8 : 0);
    }
    if (value instanceof Value.Fragments frags) {
      long sum = 8 + padded(Value.lengthOf(frags.basicOffsetTable()));
      for (Value f : frags.fragments()) {
        sum += 8 + padded(Value.lengthOf(f));
      }
      return header + sum + 8;
    }
    return header + padded(Value.lengthOf(value));
  }

  private long sequenceContentLength(Value.Sequence seq, Encoding enc) {
    long sum = 0;
    for (DataSet item : seq.items()) {
      sum += 8 + contentLength(item, enc) + (item.undefinedLength() ? 8 : 0);
    }
    return sum;
  }

  private long contentLength(DataSet ds, Encoding enc) {
    long sum = 0;
    for (DicomElement e : ds.elements()) {
      sum += encodedLength(e, enc);
    }
    return sum;
  }

  private static long padded(long length) {
    return length + (length & 1);
  }
}
