package org.custos.archive.seal;

/** How the pixel seal was computed (docs/formats/seals.md). */
public enum PixelSealKind {
  /** Over decoded sample values: the same for every lossless encoding of the same image. */
  DECODED,
  /**
   * Over the encoded frame bytes, for transfer syntaxes without a decoder here (JPEG-LS, JPEG
   * 2000): changes when the image is transcoded, but still catches any edit.
   */
  ENCODED,
  /** The instance has no Pixel Data. */
  NONE
}
