package org.custos.dicom.image;

import org.custos.dicom.DicomException;

/**
 * Pixel data cannot be described or decoded: an Image Pixel Module attribute is missing or out
 * of range, the pixel data is shorter than its description, or a compressed frame is corrupt.
 *
 * <p>Messages name attributes by keyword and tag, the allowed range, frame indexes, offsets and
 * lengths. They never contain pixel samples or any other element value that might be PHI.
 */
public class ImageException extends DicomException {
  private static final long serialVersionUID = 1L;

  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
