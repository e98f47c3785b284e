package org.custos.dicom.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;

/**
 * Finds where each frame's bytes are, without decoding them.
 *
 * <p>Native pixel data: frame i starts at i x {@link PixelDescription#frameSizeBits()}; frames of
 * Bits Allocated 1 are bit-packed and need {@link FrameLocation#firstBitOffset()}.
 *
 * <p>Encapsulated pixel data (PS3.5 A.4), in this order of preference:
 * <ol>
 *   <li>one frame: all fragments;
 *   <li>an Extended Offset Table (7FE0,0001), then a non-empty Basic Offset Table, when it has
 *       one entry per frame, starts at 0, ascends, and every entry points at a fragment's item
 *       tag — a table that fails any of these is ignored, not trusted;
 *   <li>exactly as many fragments as frames: one fragment per frame (RLE always, PS3.5 A.4.2);
 *   <li>for JPEG, JPEG-LS, JPEG 2000 and HTJ2K: a fragment whose first bytes are an SOI
 *       (FFD8) or SOC (FF4F) marker starts a frame, when that yields exactly Number of Frames
 *       frames. Entropy-coded data cannot contain these markers, so only a fragment that splits
 *       a marker segment could be mistaken for a frame start.
 * </ol>
 * Anything else fails with an {@link ImageException}. Reads only the offset tables and, for the
 * last rule, the first four bytes of each fragment. Stateless and thread-safe.
 */
public final class FrameLocator {
  private static final Set<String> SOC_SYNTAXES = Set.of(Uids.JPEG2000Lossless, Uids.JPEG2000,
      Uids.JPEG2000MCLossless, Uids.JPEG2000MC, Uids.HTJ2KLossless, Uids.HTJ2KLosslessRPCL, Uids.HTJ2K);
  private static final Set<String> SOI_SYNTAXES = Set.of(Uids.JPEGBaseline8Bit, Uids.JPEGExtended12Bit,
      Uids.JPEGExtended35, Uids.JPEGSpectralSelectionNonHierarchical68, Uids.JPEGSpectralSelectionNonHierarchical79,
      Uids.JPEGFullProgressionNonHierarchical1012, Uids.JPEGFullProgressionNonHierarchical1113, Uids.JPEGLossless,
      Uids.JPEGLosslessNonHierarchical15, Uids.JPEGExtendedHierarchical1618, Uids.JPEGExtendedHierarchical1719,
      Uids.JPEGSpectralSelectionHierarchical2022, Uids.JPEGSpectralSelectionHierarchical2123,
      Uids.JPEGFullProgressionHierarchical2426, Uids.JPEGFullProgressionHierarchical2527,
      Uids.JPEGLosslessHierarchical28, Uids.JPEGLosslessHierarchical29, Uids.JPEGLosslessSV1,
      Uids.JPEGLSLossless, Uids.JPEGLSNearLossless);

  private FrameLocator() {}

  /** The locations of all frames of {@code dataSet}'s Pixel Data (7FE0,0010). */
  public static List<FrameLocation> locate(DataSet dataSet, TransferSyntax syntax, BulkDataSource bulk) {
    return locate(PixelDescription.of(dataSet), dataSet, syntax, bulk);
  }

  /** The location of one frame; fails when {@code frameIndex} is not below Number of Frames. */
  public static FrameLocation locate(DataSet dataSet, TransferSyntax syntax, int frameIndex, BulkDataSource bulk) {
    return locate(PixelDescription.of(dataSet), dataSet, syntax, frameIndex, bulk);
  }

  static FrameLocation locate(PixelDescription description, DataSet dataSet, TransferSyntax syntax, int frameIndex,
      BulkDataSource bulk) {
    requireFrameIndex(description, frameIndex);
    Value pixelData = pixelData(dataSet, syntax);
    if (pixelData instanceof Value.Fragments fragments) {
      return encapsulated(description, dataSet, syntax, fragments, bulk).get(frameIndex);
    }
    return nativeFrame(description, pixelData, frameIndex);
  }

  static List<FrameLocation> locate(PixelDescription description, DataSet dataSet, TransferSyntax syntax,
      BulkDataSource bulk) {
    Value pixelData = pixelData(dataSet, syntax);
    if (pixelData instanceof Value.Fragments fragments) {
      return encapsulated(description, dataSet, syntax, fragments, bulk);
    }
    List<FrameLocation> frames = new ArrayList<>(Math.min(description.numberOfFrames(), 4096));
    for (int i = 0; i < description.numberOfFrames(); i++) {
      frames.add(nativeFrame(description, pixelData, i));
    }
    return frames;
  }

  static void requireFrameIndex(PixelDescription description, int frameIndex) {
    if (frameIndex < 0 || frameIndex >= description.numberOfFrames()) {
      throw new ImageException("frame index " + frameIndex + " is out of range 0.." + (description.numberOfFrames() - 1)
          + " (Number of Frames (0028,0008) is " + description.numberOfFrames() + ")");
    }
  }

  /** The Pixel Data value, checked against the transfer syntax. */
  static Value pixelData(DataSet dataSet, TransferSyntax syntax) {
    if (!dataSet.contains(Tags.PixelData)
        && (dataSet.contains(Tags.FloatPixelData) || dataSet.contains(Tags.DoubleFloatPixelData))) {
      throw new ImageException("Float Pixel Data (7FE0,0008) and Double Float Pixel Data (7FE0,0009) are not supported");
    }
    Value value = dataSet.get(Tags.PixelData).map(DicomElement::value).orElseThrow(() ->
        new ImageException("the data set has no Pixel Data (7FE0,0010)"));
    if (syntax.encapsulated() != value instanceof Value.Fragments) {
      throw new ImageException("Pixel Data (7FE0,0010) is " + (syntax.encapsulated() ? "native" : "encapsulated")
          + " but transfer syntax " + syntax.uid() + " is " + (syntax.encapsulated() ? "encapsulated" : "native"));
    }
    if (value instanceof Value.Sequence) {
      throw new ImageException("Pixel Data (7FE0,0010) is a sequence");
    }
    return value;
  }

  private static FrameLocation nativeFrame(PixelDescription description, Value pixelData, int frameIndex) {
    long startBit = frameIndex * description.frameSizeBits();
    long offset = startBit / 8;
    int bitOffset = (int) (startBit % 8);
    long length = (bitOffset + description.frameSizeBits() + 7) / 8;
    long available = Value.lengthOf(pixelData);
    if (offset + length > available) {
      throw new ImageException("Pixel Data (7FE0,0010) holds " + available + " bytes; frame " + frameIndex
          + " needs bytes " + offset + ".." + (offset + length) + " (" + description.numberOfFrames() + " frame(s) of "
          + description.frameSizeBits() + " bits)");
    }
    return new FrameLocation(frameIndex, FrameBoundary.NATIVE,
        List.of(new FramePart(FramePart.NATIVE, offset, length, narrow(pixelData, offset, length))), bitOffset);
  }

  private static List<FrameLocation> encapsulated(PixelDescription description, DataSet dataSet,
      TransferSyntax syntax, Value.Fragments pixelData, BulkDataSource bulk) {
    List<Value> fragments = pixelData.fragments();
    int frames = description.numberOfFrames();
    if (fragments.size() < frames) {
      // PS3.5 A.4: a frame is one or more whole fragments, never less.
      throw new ImageException("encapsulated Pixel Data (7FE0,0010) has " + fragments.size()
          + " fragment(s), fewer than Number of Frames (0028,0008) " + frames);
    }
    if (frames == 1) {
      return List.of(group(0, FrameBoundary.SINGLE_FRAME, fragments, 0, fragments.size()));
    }
    OffsetTables tables = new OffsetTables(fragments, frames, bulk);
    Optional<int[]> starts = tables.extended(dataSet);
    FrameBoundary boundary = FrameBoundary.EXTENDED_OFFSET_TABLE;
    if (starts.isEmpty()) {
      starts = tables.basic(pixelData.basicOffsetTable());
      boundary = FrameBoundary.BASIC_OFFSET_TABLE;
    }
    if (starts.isEmpty() && fragments.size() == frames) {
      starts = Optional.of(identity(frames));
      boundary = FrameBoundary.FRAGMENT_PER_FRAME;
    }
    if (starts.isEmpty() && startMarker(syntax) != 0) {
      starts = tables.markers(startMarker(syntax));
      boundary = FrameBoundary.START_MARKER;
    }
    if (starts.isEmpty()) {
      throw new ImageException("cannot assign " + fragments.size() + " fragments to " + frames
          + " frames: no usable offset table, and no frame start markers for transfer syntax " + syntax.uid());
    }
    int[] first = starts.get();
    List<FrameLocation> out = new ArrayList<>(frames);
    for (int i = 0; i < frames; i++) {
      int end = i + 1 < frames ? first[i + 1] : fragments.size();
      out.add(group(i, boundary, fragments, first[i], end));
    }
    return out;
  }

  private static FrameLocation group(int frameIndex, FrameBoundary boundary, List<Value> fragments, int from, int to) {
    List<FramePart> parts = new ArrayList<>(to - from);
    for (int k = from; k < to; k++) {
      long length = Value.lengthOf(fragments.get(k));
      parts.add(new FramePart(k, 0, length, narrow(fragments.get(k), 0, length)));
    }
    return new FrameLocation(frameIndex, boundary, parts, 0);
  }

  private static Optional<BulkRef> narrow(Value value, long offset, long length) {
    if (value instanceof Value.Bulk bulk) {
      BulkRef ref = bulk.ref();
      return Optional.of(new BulkRef(ref.offset() + offset, length, ref.bigEndian(), ref.inDeflatedStream()));
    }
    return Optional.empty();
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** The marker that starts a code stream of this syntax: SOI for the JPEG family, SOC for J2K; 0 if none. */
  private static int startMarker(TransferSyntax syntax) {
    if (SOC_SYNTAXES.contains(syntax.uid())) {
      return 0xFF4F; // ISO/IEC 15444-1 A.4.1 SOC
    }
    if (SOI_SYNTAXES.contains(syntax.uid())) {
      return 0xFFD8; // ISO/IEC 10918-1 B.1.1.3 SOI, also JPEG-LS (ISO/IEC 14495-1 C.1.1)
    }
    return 0;
  }
}
