package org.custos.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A pull parser over one encoded data set (PS3.5 section 7): call {@link #next()} for events;
 * after {@link Event#ELEMENT} or {@link Event#FRAGMENT} the value is pending and may be read with
 * {@link #readValue()}, copied with {@link #copyValue}, or left — {@code next()} skips it.
 *
 * <p>Memory is bounded by the largest value the caller asks for: the parser itself holds one
 * 16 KiB buffer and a stack of open containers. Nesting is limited by {@link ReadOptions#maxDepth()}.
 * Every failure is a {@link DicomParseException} naming offset and tag. Not thread-safe.
 *
 * <p>Full disclosure on size: this file is over 400 lines because it is one state machine (the
 * container stack and the pending value) whose transitions share that state; splitting it would
 * spread the length checks that keep hostile input bounded over several files.
 */
public final class DicomStreamReader {
  /** What {@link #next()} found. */
  public enum Event {
    ELEMENT, SEQUENCE_START, ITEM_START, ITEM_END, SEQUENCE_END, FRAGMENTS_START, FRAGMENT, FRAGMENTS_END, END
  }

  private static final int UNDEFINED = 0xFFFFFFFF;

  private final DicomInput in;
  private final ReadOptions options;
  private final long sourceLength;
  private final List<ParseWarning> warnings = new ArrayList<>();
  private Frame[] stack = new Frame[8];
  private int stackSize;
  private int sequenceDepth;

  private int tag;
  private long elementOffset;
  private Vr vr;
  private long length;
  private long valueOffset;
  private long valueRemaining;
  private byte[] preloaded;
  private boolean valueBigEndian;
  private boolean valueWithinKnownLimit;
  private int pixelRepresentation;
  private boolean ended;
  private int lastTopLevelTag = -1;
  private final boolean fileMetaOnly;
  private final boolean fileMeta;
  private String offsetNote;

  /** One open container: the data set or an item, a sequence, or encapsulated pixel data. */
  private static final class Frame {
    static final int DATASET = 0;
    static final int SEQUENCE = 1;
    static final int FRAGMENTS = 2;
    final int kind;
    final long end;
    final long limit;
    final boolean explicitVr;
    final boolean bigEndian;
    final int tag;

    Frame(int kind, long end, long limit, boolean explicitVr, boolean bigEndian, int tag) {
      this.kind = kind;
      this.end = end;
      this.limit = limit;
      this.explicitVr = explicitVr;
      this.bigEndian = bigEndian;
      this.tag = tag;
    }
  }

  DicomStreamReader(DicomInput in, TransferSyntax syntax, ReadOptions options, long sourceLength) {
    this(in, syntax, options, sourceLength, -1, false);
  }

  /**
   * @param rootEnd offset where the top-level data set ends (the file meta group length), or -1
   * @param fileMetaOnly end at the first tag outside group 0002 (file meta without group length)
   */
  DicomStreamReader(DicomInput in, TransferSyntax syntax, ReadOptions options, long sourceLength,
      long rootEnd, boolean fileMetaOnly) {
    this.in = in;
    this.options = options;
    this.sourceLength = sourceLength;
    this.fileMetaOnly = fileMetaOnly;
    this.fileMeta = rootEnd >= 0 || fileMetaOnly;
    push(new Frame(Frame.DATASET, rootEnd, rootEnd >= 0 ? rootEnd : sourceLength,
        syntax.explicitVr(), syntax.bigEndian(), -1));
  }

  /** A reader for a bare data set (no preamble, no file meta) in the given transfer syntax. */
  public static DicomStreamReader of(InputStream in, TransferSyntax syntax, ReadOptions options) {
    DicomInput input = new DicomInput(in, 0);
    if (syntax.deflated()) {
      input.switchTo(Deflation::inflating);
    }
    DicomStreamReader reader = new DicomStreamReader(input, syntax, options, -1);
    if (syntax.deflated()) {
      reader.countingInflatedBytesFrom(0);
    }
    return reader;
  }

  /** Errors will say that their offsets count inflated bytes of a data set deflated from file byte {@code start}. */
  void countingInflatedBytesFrom(long start) {
    offsetNote = " of the inflated data set (deflated from byte " + start + " of the input)";
  }

  public List<ParseWarning> warnings() {
    return List.copyOf(warnings);
  }

  void warn(long offset, int tag, String message) {
    if (options.strict()) {
      throw new InvalidStructureException(offset, tag, message + " (strict mode)");
    }
    if (warnings.size() < 1000) {
      warnings.add(new ParseWarning(offset, tag, message));
    }
  }

  public int tag() {
    return tag;
  }

  public Vr vr() {
    return vr;
  }

  /** Value length in bytes, or -1 for undefined length (SEQUENCE_START, ITEM_START, FRAGMENTS_START). */
  public long length() {
    return length;
  }

  /** Offset of the first value byte (ELEMENT, FRAGMENT) or of the header (containers). */
  public long valueOffset() {
    return valueOffset;
  }

  /** Offset of the current element's header (its tag), for ELEMENT and SEQUENCE_START. */
  public long elementOffset() {
    return elementOffset;
  }

  /** Sequence nesting depth of the current event: 0 for the top-level data set. */
  public int depth() {
    return sequenceDepth;
  }

  /** Byte order of the pending value in the source. */
  public boolean valueBigEndian() {
    return valueBigEndian;
  }

  /** Offset of the next unread byte. */
  public long offset() {
    return in.offset();
  }

  public Event next() {
    try {
      return nextEvent();
    } catch (DicomParseException e) {
      throw offsetNote == null ? e : e.withOffsetContext(offsetNote);
    }
  }

  private Event nextEvent() {
    skipPendingValue();
    if (ended) {
      return Event.END;
    }
    while (true) {
      Frame top = stack[stackSize - 1];
      switch (top.kind) {
        case Frame.SEQUENCE:
          return nextInSequence(top);
        case Frame.FRAGMENTS:
          return nextFragment(top);
        default:
          Event e = nextInDataSet(top);
          if (e != null) {
            return e;
          }
      }
    }
  }

  private Event nextInSequence(Frame seq) {
    long here = in.offset();
    if (seq.end >= 0 && here >= seq.end) {
      if (here > seq.end) {
        throw new InvalidLengthException(here, seq.tag, "sequence contents overrun its length by " + (here - seq.end) + " bytes");
      }
      return popSequence(seq);
    }
    if (in.atEnd()) {
      throw new TruncatedInputException(here, seq.tag, "input ended inside sequence " + Tag.toString(seq.tag)
          + (seq.end >= 0 ? ", " + (seq.end - here) + " bytes before its end" : " before its sequence delimitation item"));
    }
    int itemTag = in.tag(seq.bigEndian);
    int itemLength = in.i32(seq.bigEndian, itemTag);
    if (itemTag == Tag.ITEM) {
      long limit = limitFor(here + 8, itemLength, seq.limit, itemTag);
      tag = Tag.ITEM;
      vr = null;
      length = itemLength == UNDEFINED ? -1 : itemLength & 0xFFFFFFFFL;
      valueOffset = here;
      push(new Frame(Frame.DATASET, itemLength == UNDEFINED ? -1 : here + 8 + length, limit,
          seq.explicitVr, seq.bigEndian, Tag.ITEM));
      return Event.ITEM_START;
    }
    if (itemTag == Tag.SEQUENCE_DELIMITATION) {
      if (itemLength != 0) {
        warn(here, itemTag, "sequence delimitation item has length " + (itemLength & 0xFFFFFFFFL) + ", expected 0");
      }
      if (seq.end >= 0) {
        throw new InvalidStructureException(here, seq.tag, "sequence delimitation item inside a sequence of defined length");
      }
      return popSequence(seq);
    }
    throw new InvalidStructureException(here, seq.tag,
        "expected an item (FFFE,E000) or sequence delimiter in a sequence, found " + Tag.toString(itemTag));
  }

  private Event popSequence(Frame seq) {
    pop();
    sequenceDepth--;
    tag = seq.tag;
    vr = null;
    length = 0;
    valueOffset = in.offset();
    return Event.SEQUENCE_END;
  }

  private Event nextFragment(Frame frags) {
    long here = in.offset();
    int itemTag = in.tag(frags.bigEndian);
    int itemLength = in.i32(frags.bigEndian, itemTag);
    if (itemTag == Tag.SEQUENCE_DELIMITATION) {
      pop();
      tag = frags.tag;
      length = 0;
      valueOffset = here;
      return Event.FRAGMENTS_END;
    }
    if (itemTag != Tag.ITEM) {
      throw new InvalidStructureException(here, frags.tag,
          "expected a fragment item (FFFE,E000) or sequence delimiter in encapsulated pixel data, found " + Tag.toString(itemTag));
    }
    if (itemLength == UNDEFINED) {
      throw new InvalidLengthException(here, frags.tag, "pixel data fragment with undefined length (PS3.5 A.4 requires a defined length)");
    }
    beginValue(Tag.ITEM, frags.tag == Tag.PIXEL_DATA ? Vr.OB : Vr.OB, itemLength & 0xFFFFFFFFL, frags.limit, frags.bigEndian);
    tag = frags.tag;
    return Event.FRAGMENT;
  }

  /** Returns an event, or null when a container was closed silently and the loop should go on. */
  private Event nextInDataSet(Frame ds) {
    long here = in.offset();
    if (stackSize == 1 && (ds.end >= 0 ? here >= ds.end : fileMetaOnly && (in.peekByte(0) != 0x02 || in.peekByte(1) != 0))) {
      ended = true;
      return Event.END;
    }
    if (ds.end >= 0 && here >= ds.end) {
      if (here > ds.end) {
        throw new InvalidLengthException(here, ds.tag, "item contents overrun the item length by " + (here - ds.end) + " bytes");
      }
      return popItem(here);
    }
    if (in.atEnd()) {
      if (stackSize > 1) {
        int sequenceTag = stack[stackSize - 2].tag;
        throw new TruncatedInputException(here, sequenceTag, "input ended inside an item of sequence "
            + Tag.toString(sequenceTag) + (ds.end >= 0 ? ", " + (ds.end - here) + " bytes before its end" : " before its item delimitation item"));
      }
      if (ds.end >= 0) {
        throw new TruncatedInputException(here, Tag.FILE_META_GROUP_LENGTH, "input ended inside the file meta group, "
            + (ds.end - here) + " bytes before the end its group length announces");
      }
      ended = true;
      return Event.END;
    }
    if (stackSize == 1 && ds.end < 0 && in.available(4) < 4) {
      throw new TruncatedInputException(here, DicomParseException.NO_TAG,
          "input ended inside an element header (" + in.available(4) + " trailing bytes)");
    }
    int elementTag = in.tag(ds.bigEndian);
    if (fileMeta && (elementTag >>> 16) != 0x0002) {
      throw new InvalidFileMetaException(here, elementTag, "element outside group 0002 inside the file meta group length "
          + "(the group length overstates the group)");
    }
    if ((elementTag >>> 16) == 0xFFFE) {
      return structuralTagInDataSet(ds, here, elementTag);
    }
    if (stackSize == 1) {
      if (options.stopBeforePixelData() && Integer.compareUnsigned(elementTag, Tag.PIXEL_DATA) >= 0) {
        ended = true;
        tag = elementTag;
        return Event.END;
      }
      if (lastTopLevelTag != -1 && Integer.compareUnsigned(elementTag, lastTopLevelTag) <= 0) {
        warn(here, elementTag, "tags not in ascending order (after " + Tag.toString(lastTopLevelTag) + ")");
      }
      lastTopLevelTag = elementTag;
    }
    Vr elementVr;
    long elementLength;
    if (ds.explicitVr) {
      int code = in.u16(true, elementTag);
      elementVr = Vr.byCodeOrNull(code);
      if (elementVr == null) {
        throw new InvalidVrException(here + 4, elementTag, "unknown VR code " + describeVrCode(code));
      }
      if (elementVr.hasLongExplicitHeader()) {
        in.u16(ds.bigEndian, elementTag);
        elementLength = in.i32(ds.bigEndian, elementTag) & 0xFFFFFFFFL;
      } else {
        elementLength = in.u16(ds.bigEndian, elementTag);
      }
    } else {
      elementLength = in.i32(ds.bigEndian, elementTag) & 0xFFFFFFFFL;
      elementVr = ImplicitVr.of(elementTag, elementLength, pixelRepresentation);
    }
    return elementEvent(ds, here, elementTag, elementVr, elementLength);
  }

  private Event elementEvent(Frame ds, long here, int elementTag, Vr elementVr, long elementLength) {
    elementOffset = here;
    int group = elementTag >>> 16;
    if (group == 0x0001 || group == 0x0003 || group == 0x0005 || group == 0x0007 || group == 0xFFFF) {
      warn(here, elementTag, "element in group " + String.format("%04X", group) + ", which PS3.5 7.1 forbids");
    }
    boolean undefined = elementLength == 0xFFFFFFFFL;
    if (elementVr == Vr.SQ || (undefined && elementVr == Vr.UN)) {
      openSequence(ds, here, elementTag, elementVr, elementLength, undefined);
      return Event.SEQUENCE_START;
    }
    if (undefined) {
      if (elementTag == Tag.PIXEL_DATA || elementVr == Vr.OB || elementVr == Vr.OW) {
        if (elementTag != Tag.PIXEL_DATA) {
          warn(here, elementTag, "undefined length on an " + elementVr + " element other than Pixel Data, read as fragments");
        }
        tag = elementTag;
        vr = elementVr;
        length = -1;
        valueOffset = here;
        push(new Frame(Frame.FRAGMENTS, -1, ds.limit, ds.explicitVr, ds.bigEndian, elementTag));
        return Event.FRAGMENTS_START;
      }
      throw new InvalidLengthException(here, elementTag,
          "undefined length on a " + elementVr + " element (allowed only for SQ, UN and encapsulated Pixel Data)");
    }
    if ((elementLength & 1) != 0) {
      String problem = "odd value length " + elementLength + " (PS3.5 7.1.1 requires even lengths)";
      if (options.strict()) {
        throw new InvalidLengthException(here, elementTag, problem + " (strict mode)");
      }
      warn(here, elementTag, problem);
    }
    beginValue(elementTag, elementVr, elementLength, ds.limit, ds.bigEndian);
    if (elementTag == Tag.PIXEL_REPRESENTATION && stackSize == 1 && elementLength == 2) {
      preloaded = in.readValue(2, elementTag);
      valueRemaining = 0;
      pixelRepresentation = ds.bigEndian ? (preloaded[0] & 0xFF) << 8 | (preloaded[1] & 0xFF)
          : (preloaded[1] & 0xFF) << 8 | (preloaded[0] & 0xFF);
    }
    return Event.ELEMENT;
  }

  private void openSequence(Frame ds, long here, int elementTag, Vr elementVr, long elementLength, boolean undefined) {
    long valueStart = in.offset();
    long limit = limitFor(valueStart, undefined ? UNDEFINED : (int) elementLength, ds.limit, elementTag);
    if (++sequenceDepth > options.maxDepth()) {
      throw new NestingTooDeepException(here, elementTag,
          "sequences nested deeper than " + options.maxDepth() + " levels");
    }
    // PS3.5 6.2.2: a UN element of undefined length holds a sequence encoded in implicit VR LE.
    boolean implicitContents = elementVr == Vr.UN;
    tag = elementTag;
    vr = elementVr;
    length = undefined ? -1 : elementLength;
    valueOffset = here;
    push(new Frame(Frame.SEQUENCE, undefined ? -1 : valueStart + elementLength, limit,
        !implicitContents && ds.explicitVr, !implicitContents && ds.bigEndian, elementTag));
  }

  private Event structuralTagInDataSet(Frame ds, long here, int elementTag) {
    int itemLength = in.i32(ds.bigEndian, elementTag);
    if (elementTag == Tag.ITEM_DELIMITATION && stackSize > 1 && ds.end < 0) {
      if (itemLength != 0) {
        warn(here, elementTag, "item delimitation item has length " + (itemLength & 0xFFFFFFFFL) + ", expected 0");
      }
      return popItem(in.offset());
    }
    if (elementTag == Tag.ITEM_DELIMITATION && stackSize > 1) {
      throw new InvalidStructureException(here, elementTag, "item delimitation item inside an item of defined length");
    }
    throw new InvalidStructureException(here, elementTag,
        stackSize == 1 ? "item or delimiter tag at the top level of the data set"
            : "unexpected " + Tag.toString(elementTag) + " inside an item");
  }

  private Event popItem(long here) {
    pop();
    tag = Tag.ITEM;
    vr = null;
    length = 0;
    valueOffset = here;
    return Event.ITEM_END;
  }

  private void beginValue(int elementTag, Vr elementVr, long elementLength, long limit, boolean bigEndian) {
    long start = in.offset();
    if (limit >= 0 && start + elementLength > limit) {
      throw new InvalidLengthException(start, elementTag, "value length " + elementLength
          + " runs past the end of its container or input (" + Math.max(0, limit - start) + " bytes remain)");
    }
    tag = elementTag;
    vr = elementVr;
    length = elementLength;
    valueOffset = start;
    valueRemaining = elementLength;
    valueBigEndian = bigEndian;
    // Only a known input size verifies a length: container limits alone come from declared lengths.
    valueWithinKnownLimit = sourceLength >= 0 && limit >= 0;
    preloaded = null;
  }

  private long limitFor(long start, int declaredLength, long parentLimit, int forTag) {
    if (declaredLength == UNDEFINED) {
      return parentLimit;
    }
    long end = start + (declaredLength & 0xFFFFFFFFL);
    if (parentLimit >= 0 && end > parentLimit) {
      throw new InvalidLengthException(start, forTag, "length " + (declaredLength & 0xFFFFFFFFL)
          + " runs past the end of its container or input (" + Math.max(0, parentLimit - start) + " bytes remain)");
    }
    return end;
  }

  /**
   * The pending value, binary values converted to little endian. Values above
   * {@link ReadOptions#maxValueBytes()} fail; use {@link #copyValue} for bulk.
   */
  public byte[] readValue() {
    try {
      return readPendingValue();
    } catch (DicomParseException e) {
      throw offsetNote == null ? e : e.withOffsetContext(offsetNote);
    }
  }

  private byte[] readPendingValue() {
    if (preloaded != null) {
      byte[] value = preloaded;
      preloaded = null;
      if (valueBigEndian) {
        NumericValues.swap(value, 0, value.length, NumericValues.swapUnit(vr));
      }
      return value;
    }
    if (valueRemaining != length) {
      throw new IllegalStateException("value of " + Tag.toString(tag) + " already consumed");
    }
    if (length > options.maxValueBytes()) {
      throw new InvalidLengthException(valueOffset, tag, "value of " + length
          + " bytes exceeds the in-memory limit of " + options.maxValueBytes() + " bytes");
    }
    byte[] value = in.readValue(length, tag, valueWithinKnownLimit);
    valueRemaining = 0;
    if (valueBigEndian && vr != null) {
      NumericValues.swap(value, 0, value.length, NumericValues.swapUnit(vr));
    }
    return value;
  }

  /** Copies the pending value as it is in the source (no byte swapping). */
  public void copyValue(OutputStream out) throws IOException {
    try {
      copyPendingValue(out);
    } catch (DicomParseException e) {
      throw offsetNote == null ? e : e.withOffsetContext(offsetNote);
    }
  }

  private void copyPendingValue(OutputStream out) throws IOException {
    if (preloaded != null) {
      out.write(preloaded);
      preloaded = null;
      return;
    }
    in.transferTo(out, valueRemaining, tag);
    valueRemaining = 0;
  }

  private void skipPendingValue() {
    preloaded = null;
    if (valueRemaining > 0) {
      in.skip(valueRemaining, tag);
      valueRemaining = 0;
    }
  }

  private void push(Frame frame) {
    if (stackSize == stack.length) {
      stack = java.util.Arrays.copyOf(stack, stackSize * 2);
    }
    stack[stackSize++] = frame;
  }

  private void pop() {
    stack[--stackSize] = null;
  }

  /** True while inside an item or sequence. */
  public boolean insideContainer() {
    return stackSize > 1;
  }

  private static String describeVrCode(int code) {
    char a = (char) (code >>> 8);
    char b = (char) (code & 0xFF);
    boolean printable = a >= 0x20 && a < 0x7F && b >= 0x20 && b < 0x7F;
    return String.format("0x%04X", code) + (printable ? " ('" + a + b + "')" : "");
  }
}
