package org.custos.dicom.charset;

import org.custos.dicom.DicomException;

/**
 * A value of Specific Character Set (0008,0005) is not a Defined Term of PS3.3 C.12.1.1.2 that this
 * package supports. The message names the term only when it has the shape of a defined term
 * (capitals, digits, space, underscore, at most 16 characters): anything else may be arbitrary
 * text from the input, which must not reach messages.
 */
public final class UnknownCharacterSetException extends DicomException {
  private static final long serialVersionUID = 1L;

  private final String term;

  UnknownCharacterSetException(String term) {
    super("unknown Specific Character Set (0008,0005) defined term "
        + (term.matches("[A-Z0-9 _-]{1,16}") ? "'" + term + "'" : "(not shaped like a defined term)"));
    this.term = term;
  }

  /** The offending term, with surrounding spaces removed. */
  public String term() {
    return term;
  }
}
