package org.custos.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.custos.dicom.charset.SpecificCharacterSet;

/**
 * An immutable, ordered collection of data elements: a whole data set, the file meta group, or
 * one item of a sequence. Thread-safe once built.
 *
 * <p>Text is decoded with the Specific Character Set in force: the data set's own (0008,0005) or,
 * for an item without one, the enclosing data set's (PS3.5 6.1.2.4 — items inherit).
 * {@code toString()} lists tags only, never values.
 */
public final class DataSet {
  private static final DataSet EMPTY = new DataSet(new DicomElement[0], null, false, -1);

  private final DicomElement[] elements;
  private final int[] tags;
  private final boolean sorted;
  private final SpecificCharacterSet inheritedCharset;
  private final boolean undefinedLength;
  private final long offset;
  private volatile SpecificCharacterSet charset;

  DataSet(DicomElement[] elements, SpecificCharacterSet inheritedCharset, boolean undefinedLength, long offset) {
    this.elements = elements;
    this.tags = new int[elements.length];
    boolean ascending = true;
    for (int i = 0; i < elements.length; i++) {
      tags[i] = elements[i].tag();
      if (i > 0 && Integer.compareUnsigned(tags[i - 1], tags[i]) >= 0) {
        ascending = false;
      }
    }
    this.sorted = ascending;
    this.inheritedCharset = inheritedCharset;
    this.undefinedLength = undefinedLength;
    this.offset = offset;
  }

  public static DataSet empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this data set's elements, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (DicomElement e : elements) {
      b.add(e);
    }
    b.undefinedLength = undefinedLength;
    b.inheritedCharset = inheritedCharset;
    return b;
  }

  public List<DicomElement> elements() {
    return List.of(elements);
  }

  public int size() {
    return elements.length;
  }

  public boolean isEmpty() {
    return elements.length == 0;
  }

  /** For an item: whether it was encoded with undefined length (ends with an Item Delimitation Item). */
  public boolean undefinedLength() {
    return undefinedLength;
  }

  /** Byte offset of this data set (or item header) in its source; -1 when built in memory. */
  public long offset() {
    return offset;
  }

  /** True when tags are in strictly ascending order, as PS3.5 7.1 requires. */
  public boolean isAscending() {
    return sorted;
  }

  public boolean contains(int tag) {
    return indexOf(tag) >= 0;
  }

  public Optional<DicomElement> get(int tag) {
    int i = indexOf(tag);
    return i < 0 ? Optional.empty() : Optional.of(elements[i]);
  }

  private int indexOf(int tag) {
    if (sorted) {
      int lo = 0;
      int hi = tags.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = Integer.compareUnsigned(tags[mid], tag);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }
    for (int i = 0; i < tags.length; i++) {
      if (tags[i] == tag) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The character set in force for text values of this data set. An unknown defined term in
   * (0008,0005) falls back to the enclosing data set's character set, or the default repertoire
   * (read leniently as ISO 8859-1); the parser reports such a term as a {@link ParseWarning}.
   */
  public SpecificCharacterSet characterSet() {
    SpecificCharacterSet cs = charset;
    if (cs == null) {
      List<String> terms = rawStrings(Tag.SPECIFIC_CHARACTER_SET);
      SpecificCharacterSet fallback = inheritedCharset != null ? inheritedCharset : SpecificCharacterSet.DEFAULT;
      if (!terms.isEmpty()) {
        try {
          cs = SpecificCharacterSet.of(terms);
        } catch (org.custos.dicom.charset.UnknownCharacterSetException e) {
          // The parser reported the term as a warning with its offset; text still decodes,
          // losslessly for single-byte input, with the enclosing or default repertoire.
          cs = fallback;
        }
      } else {
        cs = inheritedCharset != null ? inheritedCharset : SpecificCharacterSet.DEFAULT;
      }
      charset = cs;
    }
    return cs;
  }

  /** The decoded string values of a text element (backslash-separated values split; PS3.5 6.4). */
  public List<String> getStrings(int tag) {
    int i = indexOf(tag);
    if (i < 0 || !(elements[i].value() instanceof Value.Bytes bytes) || !elements[i].vr().isText()) {
      return List.of();
    }
    Vr vr = elements[i].vr();
    byte[] raw = bytes.raw();
    String text = characterSet().decode(raw, 0, raw.length, vr);
    return TextValues.split(text, vr);
  }

  /** The first value of a text element, with padding removed. */
  public Optional<String> getString(int tag) {
    List<String> values = getStrings(tag);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** First value of an integer-valued element: US, SS, UL, SL, SV, UV, or IS text. */
  public OptionalLong getLong(int tag) {
    int i = indexOf(tag);
    if (i < 0) {
      return OptionalLong.empty();
    }
    return NumericValues.firstLong(elements[i]);
  }

  public OptionalInt getInt(int tag) {
    OptionalLong v = getLong(tag);
    if (v.isEmpty() || v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) v.getAsLong());
  }

  /** Values of a character-set-insensitive element as ASCII, e.g. (0008,0005) itself. */
  private List<String> rawStrings(int tag) {
    int i = indexOf(tag);
    if (i < 0 || !(elements[i].value() instanceof Value.Bytes bytes)) {
      return List.of();
    }
    return TextValues.split(new String(bytes.raw(), StandardCharsets.ISO_8859_1), Vr.CS);
  }

  /**
   * The private creator that reserved the block of a private data element (PS3.5 7.8.1), e.g.
   * "SIEMENS CSA HEADER" for (0029,1010) when (0029,0010) holds it; empty for public tags,
   * private creators themselves, and blocks nobody reserved.
   */
  public Optional<String> privateCreatorOf(int tag) {
    if (!Tag.isPrivate(tag) || Tag.element(tag) < 0x1000) {
      return Optional.empty();
    }
    return getString(Tag.privateCreatorOf(tag));
  }

  /** The items of a sequence element; empty when absent or not a sequence. */
  public List<DataSet> getItems(int tag) {
    int i = indexOf(tag);
    if (i >= 0 && elements[i].value() instanceof Value.Sequence seq) {
      return seq.items();
    }
    return List.of();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataSet other
        && undefinedLength == other.undefinedLength
        && Arrays.equals(elements, other.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DataSet[");
    for (int i = 0; i < tags.length && i < 8; i++) {
      sb.append(i == 0 ? "" : " ").append(Tag.toString(tags[i]));
    }
    return sb.append(tags.length > 8 ? " … " + tags.length + " elements]" : "]").toString();
  }

  /** Collects elements in order; {@link #build()} validates nothing but VR/value pairing. */
  public static final class Builder {
    private final List<DicomElement> elements = new ArrayList<>();
    private boolean undefinedLength;
    private SpecificCharacterSet inheritedCharset;
    private long offset = -1;
    private DicomElement charsetElement;

    private Builder() {}

    public Builder add(DicomElement element) {
      elements.add(element);
      track(element);
      return this;
    }

    public Builder add(int tag, Vr vr, Value value) {
      return add(new DicomElement(tag, vr, value));
    }

    /**
     * Adds a text element, encoding {@code values} with the character set in force: this data
     * set's (0008,0005) if already added, else the inherited one.
     */
    public Builder addText(int tag, Vr vr, String... values) {
      String joined = String.join("\\", values);
      SpecificCharacterSet cs = characterSet();
      return add(tag, vr, Value.Bytes.wrap(TextValues.pad(cs.encode(joined, vr), vr)));
    }

    /** The character set in force for elements added from now on. */
    SpecificCharacterSet characterSet() {
      if (charsetElement != null) {
        return new DataSet(new DicomElement[] {charsetElement}, inheritedCharset, false, -1).characterSet();
      }
      return inheritedCharset != null ? inheritedCharset : SpecificCharacterSet.DEFAULT;
    }

    DicomElement characterSetElement() {
      return charsetElement;
    }

    private void track(DicomElement element) {
      if (element.tag() == Tag.SPECIFIC_CHARACTER_SET) {
        charsetElement = element;
      }
    }

    /** Replaces the element with the same tag, or inserts it in ascending tag order. */
    public Builder put(DicomElement element) {
      track(element);
      for (int i = 0; i < elements.size(); i++) {
        int c = Integer.compareUnsigned(elements.get(i).tag(), element.tag());
        if (c == 0) {
          elements.set(i, element);
          return this;
        }
        if (c > 0) {
          elements.add(i, element);
          return this;
        }
      }
      elements.add(element);
      return this;
    }

    public Builder remove(int tag) {
      elements.removeIf(e -> e.tag() == tag);
      if (tag == Tag.SPECIFIC_CHARACTER_SET) {
        charsetElement = null;
      }
      return this;
    }

    public Builder undefinedLength(boolean value) {
      this.undefinedLength = value;
      return this;
    }

    public Builder inheritCharacterSet(SpecificCharacterSet parent) {
      this.inheritedCharset = parent;
      return this;
    }

    Builder offset(long value) {
      this.offset = value;
      return this;
    }

    int size() {
      return elements.size();
    }

    public DataSet build() {
      return new DataSet(elements.toArray(new DicomElement[0]), inheritedCharset, undefinedLength, offset);
    }
  }
}
