package org.custos.dicom;

/**
 * Root of every exception the DICOM codec throws on purpose. Messages name offsets, tags and
 * lengths, never element values: a value may be PHI (see DESIGN.md, rule 5).
 */
public class DicomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DicomException(String message) {
    super(message);
  }

  public DicomException(String message, Throwable cause) {
    super(message, cause);
  }
}
