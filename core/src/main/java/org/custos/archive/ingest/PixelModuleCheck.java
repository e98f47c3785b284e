package org.custos.archive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.Tag;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.image.ImageException;
import org.custos.dicom.image.PixelDescription;

/**
 * Refuses images whose pixel data cannot be what the data set says it is: an invalid Image Pixel
 * module (PS3.3 C.7.6.3: rows, columns, bits, Number of Frames…), or, for JPEG 2000 (which Custos
 * does not decode), a first codestream whose SIZ marker (ISO 15444-1 A.5.1) disagrees with Rows,
 * Columns and Samples per Pixel (a JP2 file box around the codestream, which some writers emit, is
 * tolerated). Such an image cannot be displayed as stored, and a mismatch is
 * also what pixel data pasted into another header looks like.
 */
final class PixelModuleCheck {
  private static final Set<String> JPEG_2000 = Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
      "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202",
      "1.2.840.10008.1.2.4.203");

  private PixelModuleCheck() {}

  static void check(DataSet dataSet, TransferSyntax syntax, BulkDataSource bulk) {
    Optional<DicomElement> pixelData = dataSet.get(Tag.PIXEL_DATA);
    if (pixelData.isEmpty()) {
      return;
    }
    PixelDescription description;
    try {
      description = PixelDescription.of(dataSet);
    } catch (ImageException | IllegalArgumentException e) {
      throw new InstanceRejectedException(RejectReason.MALFORMED, "invalid Image Pixel module: " + e.getMessage(), e);
    }
    if (JPEG_2000.contains(syntax.uid()) && pixelData.get().value() instanceof Value.Fragments fragments
        && !fragments.fragments().isEmpty()) {
      checkSiz(firstBytes(fragments.fragments().get(0), bulk), description);
    }
  }

  private static void checkSiz(byte[] head, PixelDescription description) {
    ByteBuffer b = ByteBuffer.wrap(head);
    if (head.length >= 8 && b.getInt(0) == 12 && b.getInt(4) == 0x6A502020) {
      return; // a JP2 file wrapped around the codestream (ISO 15444-1 I.5.1): not conformant, seen in the wild, stored
    }
    if (head.length < 42 || b.getShort(0) != (short) 0xFF4F || b.getShort(2) != (short) 0xFF51) {
      throw new InstanceRejectedException(RejectReason.MALFORMED,
          "JPEG 2000 frame 1 does not start with the SOC and SIZ markers (ISO 15444-1 A.4.1, A.5.1)");
    }
    long width = Integer.toUnsignedLong(b.getInt(8)) - Integer.toUnsignedLong(b.getInt(16));
    long height = Integer.toUnsignedLong(b.getInt(12)) - Integer.toUnsignedLong(b.getInt(20));
    int components = Short.toUnsignedInt(b.getShort(40));
    if (width != description.columns() || height != description.rows()
        || components != description.samplesPerPixel()) {
      throw new InstanceRejectedException(RejectReason.MALFORMED, "JPEG 2000 frame 1 is " + width + " x " + height
          + " with " + components + " components by its SIZ marker, but the data set says " + description.columns()
          + " x " + description.rows() + " with " + description.samplesPerPixel());
    }
  }

  private static byte[] firstBytes(Value fragment, BulkDataSource bulk) {
    if (fragment instanceof Value.Bytes bytes) {
      byte[] all = bytes.bytes();
      return java.util.Arrays.copyOf(all, Math.min(all.length, 64));
    }
    try (InputStream in = bulk.open(((Value.Bulk) fragment).ref())) {
      return in.readNBytes(64);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the first JPEG 2000 fragment", e);
    }
  }
}
