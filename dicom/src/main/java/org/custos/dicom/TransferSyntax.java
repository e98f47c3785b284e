package org.custos.dicom;

import java.util.Optional;

/**
 * How a data set is encoded (PS3.5 section 10): VR explicit or implicit, byte order, whether the
 * data set is deflated, whether Pixel Data is encapsulated as fragments.
 *
 * @param uid the Transfer Syntax UID
 * @param explicitVr true when each element header carries its VR (PS3.5 7.1.2)
 * @param bigEndian true for the retired Explicit VR Big Endian syntax (PS3.5 A.3)
 * @param deflated true when the data set after the file meta is raw-deflated (PS3.5 A.5)
 * @param encapsulated true when Pixel Data is a Basic Offset Table plus fragments (PS3.5 A.4)
 */
public record TransferSyntax(
    String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {

  public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
  public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
  public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);
  public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
  /** The File Meta Information is always explicit VR little endian (PS3.10 7.1). */
  public static final TransferSyntax FILE_META = EXPLICIT_VR_LITTLE_ENDIAN;

  public TransferSyntax {
    if (uid == null || uid.isEmpty()) {
      throw new IllegalArgumentException("transfer syntax UID must not be empty");
    }
    if (bigEndian && !explicitVr) {
      throw new IllegalArgumentException("implicit VR big endian is not a DICOM transfer syntax");
    }
  }

  /**
   * The transfer syntax a UID names. Native syntaxes are listed; every other UID under
   * 1.2.840.10008.1.2.4 (JPEG family, JPEG-LS, JPEG 2000, HTJ2K, JPEG XL, MPEG, HEVC),
   * 1.2.840.10008.1.2.5 (RLE), 1.2.840.10008.1.2.1.98 (encapsulated uncompressed) and
   * 1.2.840.10008.1.2.8.1 (deflated image frame compression) is encapsulated explicit VR LE.
   * The retired JPIP referenced syntaxes carry no pixel data of their own.
   */
  public static Optional<TransferSyntax> of(String uid) {
    if (uid == null) {
      return Optional.empty();
    }
    switch (uid) {
      case "1.2.840.10008.1.2":
        return Optional.of(IMPLICIT_VR_LITTLE_ENDIAN);
      case "1.2.840.10008.1.2.1":
        return Optional.of(EXPLICIT_VR_LITTLE_ENDIAN);
      case "1.2.840.10008.1.2.2":
        return Optional.of(EXPLICIT_VR_BIG_ENDIAN);
      case "1.2.840.10008.1.2.1.99":
        return Optional.of(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
      case "1.2.840.10008.1.2.4.94": // JPIP Referenced (PS3.5 A.6)
        return Optional.of(new TransferSyntax(uid, true, false, false, false));
      case "1.2.840.10008.1.2.4.95": // JPIP Referenced Deflate (PS3.5 A.7)
        return Optional.of(new TransferSyntax(uid, true, false, true, false));
      default:
        break;
    }
    if (!uid.matches("[0-9.]{1,64}")) {
      return Optional.empty();
    }
    if (uid.startsWith("1.2.840.10008.1.2.4.")
        || uid.equals("1.2.840.10008.1.2.5")
        || uid.equals("1.2.840.10008.1.2.1.98")
        || uid.equals("1.2.840.10008.1.2.8.1")) {
      return Optional.of(new TransferSyntax(uid, true, false, false, true));
    }
    return Optional.empty();
  }

  /** True for the four syntaxes whose pixel data is native (not encapsulated). */
  public boolean isNative() {
    return !encapsulated;
  }
}
