package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.dicom.malformed.Parsing.rejection;
import static org.custos.dicom.malformed.RawDicom.concat;
import static org.custos.dicom.malformed.RawDicom.element;
import static org.custos.dicom.malformed.RawDicom.text;
import static org.custos.dicom.malformed.RawDicom.uid;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.InvalidStructureException;
import org.custos.dicom.InvalidVrException;
import org.custos.dicom.Tag;
import org.custos.dicom.TruncatedInputException;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.Test;

/**
 * The deflated transfer syntax (PS3.5 A.5): the data set after the file meta is a raw DEFLATE
 * stream, so the bytes the parser reads are not the bytes of the file, and a broken or cut
 * stream is malformed input like any other.
 */
class DeflatedInputTest {
  private static final int PRIVATE_ELEMENT = Tag.of(0x0009, 0x1010);

  private static byte[] deflate(byte[] raw, int flush) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(raw);
    if (flush == Deflater.FULL_FLUSH) {
      deflater.finish();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (true) {
      int n = deflater.deflate(buffer, 0, buffer.length, flush == Deflater.FULL_FLUSH ? Deflater.NO_FLUSH : flush);
      out.write(buffer, 0, n);
      if (flush == Deflater.FULL_FLUSH ? deflater.finished() : n < buffer.length) {
        break;
      }
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] deflatedFile(byte[] compressedDataSet) {
    return concat(RawDicom.file(Uids.DeflatedExplicitVRLittleEndian).bytes(), compressedDataSet);
  }

  /** A data set holding a 100 KB private OB value: above the bulk threshold, so the reader skips it. */
  private static byte[] dataSetWithBulkValue() {
    return concat(element(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage)),
        element(Tag.of(0x0009, 0x0010), "LO", text("CUSTOS TEST")),
        element(PRIVATE_ELEMENT, "OB", new byte[100_000]),
        element(Tags.PatientName, "PN", text("Synthetic^Test")));
  }

  @Test
  void wholeDeflatedFile_parses() {
    byte[] bytes = deflatedFile(deflate(dataSetWithBulkValue(), Deflater.FULL_FLUSH));

    assertThat(Parsing.parsed(bytes).dataSet().getString(Tags.PatientName)).contains("Synthetic^Test");
  }

  @Test
  void unknownVrInADeflatedDataSet_failsWithAnOffsetThatSaysItCountsInflatedBytes() {
    // A bare "at byte 38" would read like a file offset, and byte 38 of this file is in the
    // preamble: the message must say the offset counts inflated bytes.
    byte[] dataSet = concat(element(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage)),
        RawDicom.tag(Tags.PatientName), new byte[] {'Q', 'Q'}, RawDicom.u16(4), text("X^Y "));
    byte[] bytes = deflatedFile(deflate(dataSet, Deflater.FULL_FLUSH));

    InvalidVrException e = rejection(InvalidVrException.class, bytes);

    assertThat(e.offset()).isEqualTo(8 + 26 + 4);
    assertThat(e.where()).contains("inflated");
    assertThat(e.getMessage()).contains("inflated");
  }

  @Test
  void deflatedDataSetCutInsideASkippedValue_failsAsTruncatedInput() {
    // The reader skips the 100 KB value through InflaterInputStream.skip, which reports the cut
    // as an EOFException: that is the input's fault, not an I/O failure (DicomIoException).
    byte[] compressed = deflate(dataSetWithBulkValue(), Deflater.FULL_FLUSH);
    byte[] bytes = deflatedFile(Arrays.copyOf(compressed, compressed.length / 2));

    DicomParseException e = rejection(TruncatedInputException.class, bytes);

    assertThat(e.tag()).isEqualTo(PRIVATE_ELEMENT);
  }

  @Test
  void corruptDeflateStreamInsideASkippedValue_failsAsInvalidStructure() {
    // The element headers are flushed whole; then come bytes that are no DEFLATE block (BTYPE 11).
    byte[] headers = deflate(concat(element(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage)),
        RawDicom.header(PRIVATE_ELEMENT, "OB", 100_000)), Deflater.SYNC_FLUSH);
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xFF);
    byte[] bytes = deflatedFile(concat(headers, garbage));

    InvalidStructureException e = rejection(InvalidStructureException.class, bytes);

    assertThat(e.reason()).contains("deflate");
  }
}
