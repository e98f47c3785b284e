package org.custos.dicom.image;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decoded pixel samples of one or more frames, one {@code int} per sample, colour-by-pixel
 * (interleaved: R, G, B, R, G, B, …) whatever the source's Planar Configuration.
 *
 * <p>Guarantees: every sample is the stored value with the bits outside Bits Stored removed and,
 * for Pixel Representation 1, sign-extended from bit Bits Stored - 1; so an unsigned 12-bit
 * sample is in 0..4095 and a signed one in -2048..2047. Samples are stored values, before the
 * Modality LUT (Rescale Slope/Intercept) and before any VOI LUT, palette lookup or MONOCHROME1
 * inversion, all of which belong to a display pipeline. YBR data stays YBR (see {@link #toRgb()}).
 *
 * <p>Full disclosure: for Bits Stored 32 with Pixel Representation 0, samples above 2^31 - 1 read
 * as negative ints; use {@link Integer#toUnsignedLong(int)}. Immutable; {@link #samples()} is a
 * read-only view, so instances are safe to share between threads.
 */
public final class PixelBuffer {
  private final int width;
  private final int height;
  private final int samplesPerPixel;
  private final int frames;
  private final PhotometricInterpretation photometric;
  private final int bitsStored;
  private final boolean signed;
  private final int[] data;

  /** Takes ownership of {@code data}, which holds frames x height x width x samplesPerPixel samples. */
  PixelBuffer(int width, int height, int samplesPerPixel, int frames, PhotometricInterpretation photometric,
      int bitsStored, boolean signed, int[] data) {
    if (width < 1 || height < 1 || samplesPerPixel < 1 || frames < 1 || bitsStored < 1 || bitsStored > 32) {
      throw new IllegalArgumentException("pixel buffer needs positive dimensions and 1..32 bits stored");
    }
    if ((long) width * height * samplesPerPixel * frames != data.length) {
      throw new IllegalArgumentException("pixel buffer of " + frames + " x " + height + " x " + width + " x "
          + samplesPerPixel + " samples cannot hold " + data.length);
    }
    this.width = width;
    this.height = height;
    this.samplesPerPixel = samplesPerPixel;
    this.frames = frames;
    this.photometric = Objects.requireNonNull(photometric);
    this.bitsStored = bitsStored;
    this.signed = signed;
    this.data = data;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int samplesPerPixel() {
    return samplesPerPixel;
  }

  /** Number of frames held. */
  public int frames() {
    return frames;
  }

  /** The colour space of the samples, which may differ from the source's: see {@link FrameDecoder}. */
  public PhotometricInterpretation photometricInterpretation() {
    return photometric;
  }

  public int bitsStored() {
    return bitsStored;
  }

  public boolean signed() {
    return signed;
  }

  /** Sample {@code c} of pixel ({@code x}, {@code y}) of the first frame. */
  public int sample(int x, int y, int c) {
    return sample(0, x, y, c);
  }

  /** Sample {@code c} of pixel ({@code x}, {@code y}) of frame {@code frame}. */
  public int sample(int frame, int x, int y, int c) {
    Objects.checkIndex(frame, frames);
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    Objects.checkIndex(c, samplesPerPixel);
    return data[((frame * height + y) * width + x) * samplesPerPixel + c];
  }

  /** All samples, read-only, at index ((frame x height + y) x width + x) x samplesPerPixel + c. */
  public IntBuffer samples() {
    return IntBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** A copy of all samples, in the order of {@link #samples()}. */
  public int[] toArray() {
    return data.clone();
  }

  /**
   * This buffer in RGB: itself when already RGB; converted with the YBR_FULL equations of
   * PS3.3 C.7.6.3.1.2 when YBR_FULL. Fails for any other interpretation.
   */
  public PixelBuffer toRgb() {
    if (photometric == PhotometricInterpretation.RGB) {
      return this;
    }
    if (photometric != PhotometricInterpretation.YBR_FULL || signed) {
      throw new ImageException("conversion to RGB needs unsigned RGB or YBR_FULL samples, not "
          + (signed ? "signed " : "") + photometric.term());
    }
    return new PixelBuffer(width, height, 3, frames, PhotometricInterpretation.RGB, bitsStored, false,
        YbrFull.toRgb(data, bitsStored));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PixelBuffer other
        && width == other.width && height == other.height && samplesPerPixel == other.samplesPerPixel
        && frames == other.frames && photometric == other.photometric && bitsStored == other.bitsStored
        && signed == other.signed && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, samplesPerPixel, frames, photometric, bitsStored, signed, Arrays.hashCode(data));
  }

  /** Dimensions and type only, never samples. */
  @Override
  public String toString() {
    return "PixelBuffer[" + frames + " x " + width + "x" + height + " x " + samplesPerPixel + ", "
        + photometric.term() + ", " + bitsStored + " bits " + (signed ? "signed" : "unsigned") + "]";
  }
}
