package org.custos.dicom.image;

import java.util.Optional;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.dictionary.UidRegistry;
import org.custos.dicom.dictionary.Uids;

/** Which decoder a transfer syntax needs; unsupported syntaxes fail here, before any bytes are read. */
enum Codec {
  NATIVE,
  /** Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 A.4.11): native frames in fragments. */
  ENCAPSULATED_UNCOMPRESSED,
  RLE,
  JPEG;

  static Optional<Codec> find(TransferSyntax syntax) {
    String uid = syntax.uid();
    if (uid.equals(Uids.JPIPReferenced) || uid.equals(Uids.JPIPReferencedDeflate)) {
      return Optional.empty(); // PS3.5 A.6, A.7: the pixel data is elsewhere, behind a JPIP URL
    }
    if (syntax.isNative()) {
      return Optional.of(NATIVE);
    }
    switch (uid) {
      case Uids.EncapsulatedUncompressedExplicitVRLittleEndian:
        return Optional.of(ENCAPSULATED_UNCOMPRESSED);
      case Uids.RLELossless:
        return Optional.of(RLE);
      case Uids.JPEGBaseline8Bit:
      case Uids.JPEGExtended12Bit:
      case Uids.JPEGLossless:
      case Uids.JPEGLosslessSV1:
        return Optional.of(JPEG);
      default:
        return Optional.empty();
    }
  }

  static Codec of(TransferSyntax syntax) {
    return find(syntax).orElseThrow(() -> {
      String uid = syntax.uid();
      String name = UidRegistry.nameOf(uid);
      return new UnsupportedTransferSyntaxException(uid, "transfer syntax " + uid
          + (name.isEmpty() ? "" : " (" + name + ")") + " cannot be decoded: only native, RLE Lossless,"
          + " encapsulated uncompressed, and JPEG baseline, extended and lossless pixel data can");
    });
  }
}
