package org.custos.dicom;

import java.io.IOException;

/** Reading or writing failed below the codec (disk, network); the input may be fine. */
public final class DicomIoException extends DicomException {
  private static final long serialVersionUID = 1L;

  public DicomIoException(String message, IOException cause) {
    super(message, cause);
  }
}
