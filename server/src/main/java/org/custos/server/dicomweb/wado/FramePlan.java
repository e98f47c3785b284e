package org.custos.server.dicomweb.wado;

import java.util.List;
import java.util.Optional;
import org.custos.dicom.TransferSyntax;
import org.custos.server.dicomweb.MediaType;
import org.custos.server.dicomweb.NotAcceptableException;

/**
 * How frames (or pixel data as bulk data) are sent, decided from the Accept header (PS3.18
 * 8.7.3.3, 8.7.4): each frame as stored, or decompressed to native little-endian samples, and the
 * Content-Type of each part.
 *
 * <ul>
 *   <li>Any part type ({@code *}{@code /*}, {@code multipart/related} without {@code type}): as
 *       stored, typed with the native media type of the stored syntax ({@link PixelMediaTypes}).
 *   <li>{@code application/octet-stream} without transfer-syntax, or with
 *       {@code 1.2.840.10008.1.2.1}: uncompressed; compressed frames are decoded when the codec
 *       can (RLE, JPEG baseline, extended and lossless), else this range cannot be met.
 *       With {@code transfer-syntax=*}: as stored, typed {@code application/octet-stream}.
 *   <li>A compressed type ({@code image/jpeg}, {@code image/jls}, {@code image/dicom-rle}...):
 *       as stored when that is the stored encoding.
 * </ul>
 * Native frames are always sent little endian (swapped from big endian storage), which is the
 * Explicit VR Little Endian encoding their Content-Type names. A single frame may also be sent as
 * a single-part body when the range is not multipart. None met is a 406.
 */
record FramePlan(boolean multipart, boolean decode, String partContentType) {

  static FramePlan negotiate(List<MediaType> ranges, String storedSyntax, boolean decodable, int frameCount) {
    boolean nativeStored = TransferSyntax.of(storedSyntax).map(TransferSyntax::isNative).orElse(false);
    String storedType = PixelMediaTypes.of(storedSyntax);
    String explicitLe = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    String asStored = nativeStored ? typed(PixelMediaTypes.OCTET_STREAM, explicitLe) : typed(storedType, storedSyntax);
    for (MediaType range : ranges) {
      boolean multipart = range.isWildcard() || range.isMultipartRelated();
      if (!multipart && frameCount != 1) {
        continue;
      }
      Optional<MediaType> want = multipart ? range.partType() : Optional.of(range);
      Optional<String> syntax = range.transferSyntax().or(() -> want.flatMap(MediaType::transferSyntax));
      if (want.isEmpty() || want.get().isWildcard()) {
        if (syntax.isEmpty() || syntax.get().equals("*") || syntax.get().equals(storedSyntax)
            || nativeStored && syntax.get().equals(explicitLe)) {
          return new FramePlan(multipart, false, asStored);
        }
        if (syntax.get().equals(explicitLe) && decodable) {
          return new FramePlan(multipart, true, typed(PixelMediaTypes.OCTET_STREAM, explicitLe));
        }
        continue;
      }
      if (want.get().includes(PixelMediaTypes.OCTET_STREAM)) {
        if (syntax.isPresent() && syntax.get().equals("*")) {
          return new FramePlan(multipart, false,
              nativeStored ? asStored : typed(PixelMediaTypes.OCTET_STREAM, storedSyntax));
        }
        if (syntax.isEmpty() || syntax.get().equals(explicitLe)) {
          if (nativeStored) {
            return new FramePlan(multipart, false, asStored);
          }
          if (decodable) {
            return new FramePlan(multipart, true, typed(PixelMediaTypes.OCTET_STREAM, explicitLe));
          }
          continue;
        }
        if (syntax.get().equals(storedSyntax)) {
          return new FramePlan(multipart, false, typed(PixelMediaTypes.OCTET_STREAM, storedSyntax));
        }
        continue;
      }
      if (!nativeStored && want.get().includes(storedType)
          && (syntax.isEmpty() || syntax.get().equals("*") || syntax.get().equals(storedSyntax))) {
        return new FramePlan(multipart, false, asStored);
      }
    }
    throw new NotAcceptableException("these frames are stored as " + storedType + " (transfer syntax " + storedSyntax
        + "); they can be sent as stored (" + storedType + ", or application/octet-stream with transfer-syntax=*)"
        + (nativeStored || decodable ? " or uncompressed (application/octet-stream)" : "")
        + ", and the Accept header allows none of these");
  }

  private static String typed(String mediaType, String syntax) {
    return mediaType + "; transfer-syntax=" + syntax;
  }
}
