package org.custos.dicom.json;

import org.custos.dicom.DicomException;
import org.custos.dicom.Tag;

/**
 * DICOM JSON that cannot be read (or a data set that cannot be written as DICOM JSON): says where
 * and what, never the value. When reading, {@link #line()} and {@link #column()} locate the JSON
 * token (1-based, as jackson-core counts them); when writing they are -1 and the message names the
 * element path instead ({@code 00081115/0/00081150}: tag, item index, tag).
 *
 * <p>The message never contains element values, member names other than the ones PS3.18 defines,
 * or the text of the parser's own message (which may quote the offending input).
 */
public final class DicomJsonException extends DicomException {
  private static final long serialVersionUID = 1L;

  /** Tag value used when the problem is not inside a data element. */
  public static final int NO_TAG = -1;

  private final int line;
  private final int column;
  private final int tag;
  private final String reason;

  private DicomJsonException(String reason, String where, int line, int column, int tag, Throwable cause) {
    super(reason + " (" + where + ")", cause);
    this.line = line;
    this.column = column;
    this.tag = tag;
    this.reason = reason;
  }

  /** A reading failure at a JSON position; {@code tag} may be {@link #NO_TAG}. */
  static DicomJsonException reading(String reason, Where where, int tag, Throwable cause) {
    String text = "at line " + where.line() + ", column " + where.column()
        + (tag == NO_TAG ? "" : ", tag " + Tag.toString(tag));
    return new DicomJsonException(reason, text, where.line(), where.column(), tag, cause);
  }

  /** A writing failure at an element path such as {@code 00081115/0/00081150}. */
  static DicomJsonException writing(String reason, String path, int tag) {
    return new DicomJsonException(reason, "writing " + path + ", tag " + Tag.toString(tag), -1, -1, tag, null);
  }

  /** 1-based line of the offending JSON token; -1 for a writing failure or when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending JSON token; -1 for a writing failure or when unknown. */
  public int column() {
    return column;
  }

  /** The tag of the element being read or written, or {@link #NO_TAG}. */
  public int tag() {
    return tag;
  }

  /** What was wrong, without position. */
  public String reason() {
    return reason;
  }
}
