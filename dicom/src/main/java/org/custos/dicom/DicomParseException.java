package org.custos.dicom;

/**
 * Malformed input: says at which byte offset of the data set stream, while reading which tag,
 * what was wrong. The message never contains element values (they may be PHI).
 *
 * <p>Offsets count from the start of the stream given to the parser; for deflated transfer
 * syntaxes they count inflated bytes after the file meta information (say so in {@link #where()}).
 */
public class DicomParseException extends DicomException {
  private static final long serialVersionUID = 1L;

  /** Tag value used when no element header had been read yet. */
  public static final int NO_TAG = -1;

  private final long offset;
  private final int tag;
  private final String reason;
  private final String offsetContext;

  public DicomParseException(long offset, int tag, String reason) {
    this(offset, tag, reason, null);
  }

  public DicomParseException(long offset, int tag, String reason, Throwable cause) {
    this(offset, tag, reason, cause, "");
  }

  /**
   * @param offsetContext how the offset counts when not from the start of the input, e.g.
   *     " of the inflated data set (deflated from byte 310)"; empty otherwise
   */
  protected DicomParseException(long offset, int tag, String reason, Throwable cause, String offsetContext) {
    super(format(offset + offsetContext, tag, reason), cause);
    this.offset = offset;
    this.tag = tag;
    this.reason = reason;
    this.offsetContext = offsetContext;
  }

  /** Byte offset where the problem was detected. */
  public long offset() {
    return offset;
  }

  /** The tag being read, or {@link #NO_TAG}. */
  public int tag() {
    return tag;
  }

  /** What was wrong, without position. */
  public String reason() {
    return reason;
  }

  /** The same failure, saying how its offset counts (see the protected constructor). */
  public DicomParseException withOffsetContext(String context) {
    return new DicomParseException(offset, tag, reason, getCause(), context);
  }

  /** How {@link #offset()} counts, when not from the start of the input; empty otherwise. */
  public String offsetContext() {
    return offsetContext;
  }

  /** "at byte N, tag (GGGG,EEEE)", with the offset context when there is one. */
  public String where() {
    return "at byte " + offset + offsetContext + (tag == NO_TAG ? "" : ", tag " + Tag.toString(tag));
  }

  private static String format(String offset, int tag, String reason) {
    return reason + " (at byte " + offset + (tag == NO_TAG ? "" : ", tag " + Tag.toString(tag)) + ")";
  }
}
