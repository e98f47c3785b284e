package org.custos.server.dicomweb.wado;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.image.FrameDecoder;
import org.custos.dicom.image.FrameLocation;
import org.custos.dicom.image.FrameLocator;
import org.custos.dicom.image.FramePart;
import org.custos.dicom.image.ImageException;
import org.custos.dicom.image.PixelBuffer;
import org.custos.dicom.image.PixelDescription;
import org.custos.server.dicomweb.InstanceContent;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.ResourceNotFoundException;

/**
 * The bytes of single frames of a stored instance (PS3.18 8.7.4 "frame" content): as stored (the
 * frame's fragments concatenated; native frames little endian, and frames of Bits Allocated 1 moved
 * to start on a byte), or decoded into native little-endian samples of Bits Allocated bits,
 * colour-by-pixel. Reads only the frame's own byte ranges. Not thread-safe.
 */
final class FrameBytes {
  private static final FrameDecoder DECODER = new FrameDecoder();

  private final InstanceContent content;
  private final DataSet dataSet;
  private final PixelDescription description;

  private FrameBytes(InstanceContent content, PixelDescription description) {
    this.content = content;
    this.dataSet = content.file().dataSet();
    this.description = description;
  }

  /** @throws ResourceNotFoundException when the instance has no pixel data */
  static FrameBytes of(InstanceContent content) {
    DataSet dataSet = content.file().dataSet();
    if (!dataSet.contains(Tags.PixelData)) {
      throw new ResourceNotFoundException("the instance has no pixel data, so no frames");
    }
    try {
      return new FrameBytes(content, PixelDescription.of(dataSet));
    } catch (ImageException e) {
      throw new ResourceNotFoundException("the instance's pixel data cannot be divided into frames");
    }
  }

  int frameCount() {
    return description.numberOfFrames();
  }

  String storedSyntax() {
    return content.transferSyntax().uid();
  }

  boolean decodable() {
    return FrameDecoder.supports(content.transferSyntax());
  }

  /** Parses a frame list ("1,3,5", 1-based, PS3.18 8.3.1.4), each number checked against Number of Frames. */
  int[] frameIndexes(String list) {
    String[] items = list.split(",", -1);
    int[] indexes = new int[items.length];
    for (int i = 0; i < items.length; i++) {
      int number;
      try {
        number = Integer.parseInt(items[i].strip());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("frames", "a frame list is comma-separated frame numbers from 1");
      }
      if (number < 1) {
        throw new InvalidRequestException("frames", "frame numbers start at 1");
      }
      if (number > frameCount()) {
        throw new ResourceNotFoundException("the instance has " + frameCount() + " frame(s), no frame " + number);
      }
      indexes[i] = number - 1;
    }
    return indexes;
  }

  byte[] frame(int index, boolean decode) throws IOException {
    return decode ? decoded(index) : stored(index);
  }

  private byte[] stored(int index) throws IOException {
    FrameLocation location = FrameLocator.locate(dataSet, content.transferSyntax(), index, content.bulk());
    DicomElement pixelData = dataSet.get(Tags.PixelData).orElseThrow();
    int swapUnit = NumericValues.swapUnit(pixelData.vr());
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(location.lengthBytes(), Integer.MAX_VALUE - 8));
    for (FramePart part : location.parts()) {
      Value value = part.fragmentIndex() == FramePart.NATIVE
          ? pixelData.value()
          : ((Value.Fragments) pixelData.value()).fragments().get(part.fragmentIndex());
      out.write(run(value, part, part.fragmentIndex() == FramePart.NATIVE ? swapUnit : 1));
    }
    byte[] bytes = out.toByteArray();
    if (location.firstBitOffset() != 0) {
      return realign(bytes, location.firstBitOffset(), description.frameSizeBits());
    }
    return bytes;
  }

  private byte[] run(Value value, FramePart part, int swapUnit) throws IOException {
    if (value instanceof Value.Bytes bytes) {
      // In-memory values are little endian whatever the source (Value's contract).
      return Arrays.copyOfRange(bytes.bytes(), (int) part.offset(), (int) (part.offset() + part.length()));
    }
    Optional<BulkRef> source = part.source();
    if (source.isEmpty()) {
      throw new IOException("frame part of a bulk value without a source range");
    }
    byte[] run;
    try (InputStream in = content.bulk().open(source.get())) {
      run = in.readNBytes((int) part.length());
    }
    if (run.length != part.length()) {
      throw new IOException("stored pixel data ended " + (part.length() - run.length) + " bytes early");
    }
    if (source.get().bigEndian() && swapUnit > 1) {
      NumericValues.swap(run, 0, run.length - run.length % swapUnit, swapUnit);
    }
    return run;
  }

  /** PS3.5 8.1.1: frames of Bits Allocated 1 are packed; shift one to start at bit 0 of its first byte. */
  private static byte[] realign(byte[] bytes, int bitOffset, long frameBits) {
    byte[] out = new byte[(int) ((frameBits + 7) / 8)];
    for (int i = 0; i < out.length; i++) {
      int low = (bytes[i] & 0xFF) >>> bitOffset;
      int high = i + 1 < bytes.length ? (bytes[i + 1] & 0xFF) << (8 - bitOffset) : 0;
      out[i] = (byte) (low | high);
    }
    return out;
  }

  private byte[] decoded(int index) {
    PixelBuffer buffer = DECODER.decodeFrame(dataSet, content.transferSyntax(), index, content.bulk());
    IntBuffer samples = buffer.samples();
    int bytesPerSample = description.bitsAllocated() / 8;
    if (bytesPerSample < 1) {
      throw new IllegalStateException("decoded frames of Bits Allocated 1 are not produced");
    }
    byte[] out = new byte[samples.remaining() * bytesPerSample];
    for (int at = 0; samples.hasRemaining(); ) {
      int sample = samples.get();
      for (int b = 0; b < bytesPerSample; b++) {
        out[at++] = (byte) (sample >>> (8 * b));
      }
    }
    return out;
  }
}
