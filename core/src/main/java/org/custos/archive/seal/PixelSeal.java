package org.custos.archive.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomException;
import org.custos.dicom.Tag;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.image.FrameDecoder;
import org.custos.dicom.image.PixelBuffer;
import org.custos.dicom.image.PixelDescription;

/**
 * The pixel seal (docs/formats/seals.md). {@link PixelSealKind#DECODED}: SHA-256 over the label
 * {@code custos-pixel-seal/1}, a description line (rows, columns, samples per pixel, frames, bits
 * stored, signedness, photometric interpretation, rescale slope and intercept in canonical
 * decimal), then every decoded sample of every frame, little endian, in the fewest whole bytes
 * that hold Bits Stored (1, 2 or 4; two's complement when signed), frames decoded one at a time
 * (bounded memory). Stored values are what {@link PixelBuffer} guarantees,
 * so any lossless transcode keeps the seal, while a change of a single sample or of the rescale
 * changes it. When no decoder exists here (JPEG-LS, JPEG 2000) or decoding fails, the seal is
 * {@link PixelSealKind#ENCODED}: over the label {@code custos-pixel-seal-encoded/1} and the
 * pixel data value (each fragment, without the offset table).
 */
public final class PixelSeal {
  private static final FrameDecoder DECODER = new FrameDecoder();

  /** Seal plus why it is not DECODED, if so (for the receipt's warnings; no PHI). */
  public record Result(Optional<byte[]> seal, PixelSealKind kind, Optional<String> note) {}

  private PixelSeal() {}

  public static Result compute(DataSet dataSet, TransferSyntax syntax, BulkDataSource bulk) {
    Optional<DicomElement> pixelData = dataSet.get(Tag.PIXEL_DATA);
    if (pixelData.isEmpty()) {
      return new Result(Optional.empty(), PixelSealKind.NONE, Optional.empty());
    }
    if (!FrameDecoder.supports(syntax)) {
      return encoded(pixelData.get(), bulk, "no decoder for transfer syntax " + syntax.uid());
    }
    try {
      return new Result(Optional.of(decoded(dataSet, syntax, bulk)), PixelSealKind.DECODED, Optional.empty());
    } catch (DicomException | IllegalArgumentException e) {
      return encoded(pixelData.get(), bulk, "pixel data could not be decoded: " + e.getMessage());
    }
  }

  private static byte[] decoded(DataSet dataSet, TransferSyntax syntax, BulkDataSource bulk) {
    PixelDescription description = PixelDescription.of(dataSet);
    MessageDigest digest = Sha256.newDigest();
    digest.update("custos-pixel-seal/1\n".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    for (int frame = 0; frame < description.numberOfFrames(); frame++) {
      PixelBuffer buffer = DECODER.decodeFrame(dataSet, syntax, frame, bulk);
      if (frame == 0) {
        String line = "rows=" + buffer.height() + ";columns=" + buffer.width() + ";samples=" + buffer.samplesPerPixel()
            + ";frames=" + description.numberOfFrames() + ";bitsStored=" + buffer.bitsStored() + ";signed="
            + buffer.signed() + ";photometric=" + buffer.photometricInterpretation() + ";slope="
            + canonicalDecimal(dataSet, Tags.RescaleSlope, "1") + ";intercept="
            + canonicalDecimal(dataSet, Tags.RescaleIntercept, "0") + "\n";
        digest.update(line.getBytes(StandardCharsets.US_ASCII));
      }
      hashSamples(buffer.samples(), sampleBytes(buffer.bitsStored()), chunk, digest);
    }
    return digest.digest();
  }

  /** The fewest whole bytes that hold Bits Stored: 1, 2 or 4 (two's complement for signed samples). */
  static int sampleBytes(int bitsStored) {
    return bitsStored <= 8 ? 1 : bitsStored <= 16 ? 2 : 4;
  }

  private static void hashSamples(IntBuffer samples, int width, ByteBuffer chunk, MessageDigest digest) {
    while (samples.hasRemaining()) {
      chunk.clear();
      while (chunk.remaining() >= 4 && samples.hasRemaining()) {
        int sample = samples.get();
        switch (width) {
          case 1 -> chunk.put((byte) sample);
          case 2 -> chunk.putShort((short) sample);
          default -> chunk.putInt(sample);
        }
      }
      chunk.flip();
      digest.update(chunk);
    }
  }

  /** DS text as a canonical decimal: "1.0", "1" and "+1.00" all give "1". */
  static String canonicalDecimal(DataSet dataSet, int tag, String absent) {
    String text = dataSet.getString(tag).map(String::strip).filter(s -> !s.isEmpty()).orElse(absent);
    try {
      BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text).stripTrailingZeros();
      return value.signum() == 0 ? "0" : value.toPlainString();
    } catch (NumberFormatException e) {
      return "invalid";
    }
  }

  private static Result encoded(DicomElement pixelData, BulkDataSource bulk, String note) {
    MessageDigest digest = Sha256.newDigest();
    digest.update("custos-pixel-seal-encoded/1\n".getBytes(StandardCharsets.US_ASCII));
    try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      Value value = pixelData.value();
      if (value instanceof Value.Fragments fragments) {
        for (Value fragment : fragments.fragments()) {
          write(fragment, bulk, out);
        }
      } else {
        write(value, bulk, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pixel data to seal it", e);
    }
    return new Result(Optional.of(digest.digest()), PixelSealKind.ENCODED, Optional.of(note));
  }

  private static void write(Value value, BulkDataSource bulk, DigestOutputStream out) throws IOException {
    if (value instanceof Value.Bytes bytes) {
      bytes.writeTo(out);
    } else if (value instanceof Value.Bulk ref) {
      try (InputStream in = bulk.open(ref.ref())) {
        in.transferTo(out);
      }
    }
  }
}
