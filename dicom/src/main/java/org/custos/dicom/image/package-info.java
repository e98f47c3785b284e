/**
 * Pixel access: describe, locate and decode the frames of a data set's Pixel Data.
 *
 * <p>What lives here: {@link org.custos.dicom.image.PixelDescription} (the validated Image Pixel
 * Module), {@link org.custos.dicom.image.FrameLocator} (where each frame's bytes are, for
 * byte-range reads), {@link org.custos.dicom.image.FrameDecoder} (native, RLE and JPEG frames to
 * {@link org.custos.dicom.image.PixelBuffer}s), and the package-private codecs behind it: a
 * PS3.5 Annex G RLE decoder, a 12-bit sequential DCT decoder, and the javax.imageio bridge to the
 * TwelveMonkeys JPEG reader.
 *
 * <p>What must not: display logic (Modality, VOI and palette LUTs, MONOCHROME1 inversion,
 * rendering), encoders, mutable shared state, or element values in exception messages. Depends
 * on the codec core and javax.imageio only; no other package of the codec depends on this one.
 */
package org.custos.dicom.image;
