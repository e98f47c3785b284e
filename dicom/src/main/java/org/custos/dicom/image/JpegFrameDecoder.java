package org.custos.dicom.image;

/**
 * Decodes one JPEG frame (PS3.5 A.4.1, 8.2.1): 12-bit sequential DCT with {@link DctDecoder},
 * everything else (8-bit baseline, extended and progressive; lossless processes 14 and 14 SV1
 * at 2..16 bits) with {@link ImageIoJpeg}. The frame header is checked against the data set
 * first, so a stream cannot make a decoder allocate more than the description allows.
 */
final class JpegFrameDecoder {
  private JpegFrameDecoder() {}

  static int[] decode(byte[] stream, PixelDescription d, int frameIndex) {
    JpegHeader header = JpegHeader.read(stream, frameIndex);
    if (header.width() != d.columns() || header.height() != d.rows() || header.components() != d.samplesPerPixel()) {
      throw new ImageException("JPEG frame " + frameIndex + " is " + header.width() + " x " + header.height()
          + " with " + header.components() + " component(s); the data set describes " + d.columns() + " x "
          + d.rows() + " with " + d.samplesPerPixel());
    }
    if (header.precision() > d.bitsAllocated()) {
      throw new ImageException("JPEG frame " + frameIndex + " has " + header.precision()
          + "-bit samples, more than Bits Allocated (0028,0100) " + d.bitsAllocated());
    }
    int[] raw;
    if (header.precision() > 8 && !header.lossless()) {
      if (!header.sequentialHuffmanDct()) {
        throw new ImageException("JPEG frame " + frameIndex + " is " + header.precision()
            + "-bit with process SOF" + (header.sofMarker() - 0xC0) + ", which has no decoder here");
      }
      raw = DctDecoder.decode(stream, frameIndex);
    } else {
      raw = ImageIoJpeg.decode(stream, d.columns(), d.rows(), d.samplesPerPixel(), frameIndex);
    }
    // PS3.5 8.2.1: the decoded samples fill the Bits Stored of each container, as native ones do.
    return StoredBits.of(d).applyAll(raw);
  }
}
