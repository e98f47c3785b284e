package org.custos.dicom.charset;

import org.custos.dicom.DicomException;

/**
 * Text holds a character that the Specific Character Set cannot encode, so writing it would lose
 * information. A caller can act on it by choosing a wider character set, typically
 * {@code ISO_IR 192}. The message gives the character's index and the defined terms, never the
 * character or the text (they may be PHI).
 */
public final class UnencodableTextException extends DicomException {
  private static final long serialVersionUID = 1L;

  private final int index;

  UnencodableTextException(int index, String repertoire) {
    super("character at index " + index + " is not in the repertoire of " + repertoire);
    this.index = index;
  }

  /** The UTF-16 index in the text of the first character that cannot be encoded. */
  public int index() {
    return index;
  }
}
