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

  public DicomParseException(long offset, int tag, String reason) {
    this(offset, tag, reason, null);
  }

  public DicomParseException(long offset, int tag, String reason, Throwable cause) {
    super(format(offset, tag, reason), cause);
    this.offset = offset;
    this.tag = tag;
    this.reason = reason;
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

  /** "at byte N, tag (GGGG,EEEE)". */
  public String where() {
    return "at byte " + offset + (tag == NO_TAG ? "" : ", tag " + Tag.toString(tag));
  }

  private static String format(long offset, int tag, String reason) {
    return reason + " (at byte " + offset + (tag == NO_TAG ? "" : ", tag " + Tag.toString(tag)) + ")";
  }
}
