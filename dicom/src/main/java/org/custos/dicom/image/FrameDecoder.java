package org.custos.dicom.image;

import java.util.List;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.NumericValues;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;

/**
 * Decodes frames of a data set's Pixel Data (7FE0,0010) into {@link PixelBuffer}s.
 *
 * <p>Decodes: native pixel data in any of the four native syntaxes (Bits Allocated 1, 8, 16, 32;
 * signed or unsigned; any Bits Stored and High Bit; MONOCHROME1, MONOCHROME2, PALETTE COLOR
 * indices, RGB and YBR_FULL colour-by-pixel or by plane, YBR_FULL_422); Encapsulated
 * Uncompressed; RLE Lossless; JPEG Baseline (1.2.840.10008.1.2.4.50), JPEG Extended
 * (.51, 8 and 12 bit), JPEG Lossless (.57) and JPEG Lossless SV1 (.70). Everything else fails with
 * {@link UnsupportedTransferSyntaxException} before any pixel data is read: JPEG-LS, JPEG 2000,
 * HTJ2K, JPEG XL, video, Deflated Image Frame Compression, the retired JPEG processes.
 *
 * <p>Output colour space: samples keep the source's, with no colour conversion —
 * PALETTE COLOR stays indices, YBR_FULL stays YBR_FULL (a JPEG decoder's raw YCbCr), and
 * YBR_FULL_422 becomes YBR_FULL at full resolution (native: each pair's chrominance repeated;
 * JPEG: upsampled by the decoder). {@link PixelBuffer#toRgb()} converts. Other YBR variants, HSV,
 * and Bits Allocated 32 in Explicit VR Big Endian are refused with an {@link ImageException}.
 *
 * <p>Reads only the bytes of the requested frame(s) from a bulk source (plus, for encapsulated
 * multi-frame data, the offset tables or the first bytes of each fragment; see
 * {@link FrameLocator}). Stateless: one instance may be shared by any number of threads.
 */
public final class FrameDecoder {

  public FrameDecoder() {}

  /** True when frames of this transfer syntax can be decoded here. */
  public static boolean supports(TransferSyntax syntax) {
    return Codec.find(syntax).isPresent();
  }

  /**
   * Decodes frame {@code frameIndex} (zero-based) of {@code dataSet}, encoded in {@code syntax}.
   *
   * @param bulk the source of any {@link Value.Bulk} pixel data; {@link BulkDataSource#NONE} when
   *     all values are in memory
   * @throws UnsupportedTransferSyntaxException when {@code syntax} has no decoder here
   * @throws ImageException when the description is invalid, the index is out of range, or the
   *     pixel data is short or corrupt
   */
  public PixelBuffer decodeFrame(DataSet dataSet, TransferSyntax syntax, int frameIndex, BulkDataSource bulk) {
    Codec codec = Codec.of(syntax);
    PixelDescription description = decodable(PixelDescription.of(dataSet), syntax);
    FrameLocation location = FrameLocator.locate(description, dataSet, syntax, frameIndex, bulk);
    return buffer(description, 1, decode(codec, description, dataSet, syntax, location, new ValueBytes(bulk)));
  }

  /** Decodes every frame into one buffer; fails when they would not fit one array. */
  public PixelBuffer decodeFrames(DataSet dataSet, TransferSyntax syntax, BulkDataSource bulk) {
    Codec codec = Codec.of(syntax);
    PixelDescription description = decodable(PixelDescription.of(dataSet), syntax);
    int frames = description.numberOfFrames();
    long total = (long) description.samplesPerFrame() * frames;
    if (total > PixelDescription.MAX_SAMPLES_PER_FRAME) {
      throw new ImageException(frames + " frames of " + description.samplesPerFrame()
          + " samples do not fit one buffer; decode them one at a time");
    }
    List<FrameLocation> locations = FrameLocator.locate(description, dataSet, syntax, bulk);
    int[] all = new int[(int) total];
    ValueBytes values = new ValueBytes(bulk);
    for (FrameLocation location : locations) {
      int[] frame = decode(codec, description, dataSet, syntax, location, values);
      System.arraycopy(frame, 0, all, location.frameIndex() * frame.length, frame.length);
    }
    return buffer(description, frames, all);
  }

  private static int[] decode(Codec codec, PixelDescription d, DataSet dataSet, TransferSyntax syntax,
      FrameLocation location, ValueBytes values) {
    Value pixelData = FrameLocator.pixelData(dataSet, syntax);
    int swapUnit = codec == Codec.NATIVE
        ? NumericValues.swapUnit(dataSet.get(Tags.PixelData).orElseThrow().vr())
        : 1;
    byte[] bytes = values.read(location, pixelData, swapUnit);
    int frameIndex = location.frameIndex();
    return switch (codec) {
      case NATIVE, ENCAPSULATED_UNCOMPRESSED -> NativeFrameDecoder.decode(bytes, location.firstBitOffset(), d, frameIndex);
      case RLE -> RleFrameDecoder.decode(bytes, d, frameIndex);
      case JPEG -> JpegFrameDecoder.decode(bytes, d, frameIndex);
    };
  }

  private static PixelDescription decodable(PixelDescription d, TransferSyntax syntax) {
    switch (d.photometricInterpretation()) {
      case MONOCHROME1, MONOCHROME2, PALETTE_COLOR, RGB, YBR_FULL, YBR_FULL_422:
        break;
      default:
        throw new ImageException("Photometric Interpretation (0028,0004) "
            + d.photometricInterpretation().term() + " cannot be decoded");
    }
    if (syntax.bigEndian() && d.bitsAllocated() == 32) {
      throw new ImageException("Bits Allocated (0028,0100) 32 in Explicit VR Big Endian cannot be decoded");
    }
    return d;
  }

  private static PixelBuffer buffer(PixelDescription d, int frames, int[] samples) {
    PhotometricInterpretation photometric = d.photometricInterpretation() == PhotometricInterpretation.YBR_FULL_422
        ? PhotometricInterpretation.YBR_FULL
        : d.photometricInterpretation();
    return new PixelBuffer(d.columns(), d.rows(), d.samplesPerPixel(), frames, photometric, d.bitsStored(),
        d.signed() && d.bitsAllocated() > 1, samples);
  }
}
