package org.custos.dicom.image;

/**
 * The pixel data is encoded in a transfer syntax, or a variant of one, that this package has no
 * decoder for (JPEG 2000, HTJ2K, JPEG-LS, JPEG XL, video, deflated frames, retired JPEG
 * processes). The data itself may be perfectly valid; a caller can still serve the encoded
 * frames as they are.
 */
public final class UnsupportedTransferSyntaxException extends ImageException {
  private static final long serialVersionUID = 1L;

  private final String transferSyntaxUid;

  public UnsupportedTransferSyntaxException(String transferSyntaxUid, String message) {
    super(message);
    this.transferSyntaxUid = transferSyntaxUid;
  }

  /** The Transfer Syntax UID that could not be decoded. */
  public String transferSyntaxUid() {
    return transferSyntaxUid;
  }
}
