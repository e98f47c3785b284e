package org.custos.server.dicomweb.wado;

import org.custos.dicom.TransferSyntax;

/**
 * The media type of a frame or pixel data value encoded in a transfer syntax (PS3.18 Table
 * 8.7.3-5, Table 8.7.4-1): {@code image/jpeg} for the JPEG family, {@code image/jls} for JPEG-LS,
 * {@code image/jp2} / {@code image/jpx} for JPEG 2000, {@code image/jphc} for HTJ2K,
 * {@code image/jxl} for JPEG XL, {@code image/dicom-rle} for RLE, video types for MPEG and HEVC,
 * and {@code application/octet-stream} for everything uncompressed.
 */
final class PixelMediaTypes {
  static final String OCTET_STREAM = "application/octet-stream";

  private PixelMediaTypes() {}

  static String of(String transferSyntaxUid) {
    if (TransferSyntax.of(transferSyntaxUid).map(TransferSyntax::isNative).orElse(true)) {
      return OCTET_STREAM;
    }
    String uid = transferSyntaxUid;
    if (uid.equals("1.2.840.10008.1.2.5")) {
      return "image/dicom-rle";
    }
    if (!uid.startsWith("1.2.840.10008.1.2.4.")) {
      return OCTET_STREAM; // encapsulated uncompressed, deflated image frames
    }
    int process = Integer.parseInt(uid.substring("1.2.840.10008.1.2.4.".length()).split("\\.")[0]);
    if (process >= 50 && process <= 70) {
      return "image/jpeg";
    }
    return switch (process) {
      case 80, 81 -> "image/jls";
      case 90, 91 -> "image/jp2";
      case 92, 93 -> "image/jpx";
      case 100, 101 -> "video/mpeg";
      case 102, 103, 104, 105, 106 -> "video/mp4";
      case 107, 108 -> "video/H265";
      case 110, 111, 112 -> "image/jxl";
      case 201, 202, 203 -> "image/jphc";
      default -> OCTET_STREAM;
    };
  }
}
