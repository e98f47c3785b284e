package org.custos.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GiB multi-frame file parses (header and frame offsets) and streams back out in a JVM
 * limited to 64 MiB of heap. The file is generated sparse (the pixel data is a hole), so it costs
 * no disk and little time to make.
 */
class LargeMultiFrameIT {
  static final int ROWS = 512;
  static final int COLUMNS = 512;
  static final int FRAMES = 4096;
  static final long PIXEL_BYTES = (long) ROWS * COLUMNS * 2 * FRAMES;

  @Test
  void twoGibMultiFrame_parsesAndStreamsWith64MibHeap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("large.dcm");
    long headerBytes = writeSparseFile(file);
    assertThat(Files.size(file)).isEqualTo(headerBytes + PIXEL_BYTES);

    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), LargeFileProbe.class.getName(), file.toString()))
        .redirectErrorStream(true).start();
    boolean finished = child.waitFor(5, TimeUnit.MINUTES);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(finished).as("child finished").isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("pixelOffset=" + headerBytes + " pixelLength=" + PIXEL_BYTES)
        .contains("frames=" + FRAMES)
        .contains("lastFrameOffset=" + (headerBytes + PIXEL_BYTES - (long) ROWS * COLUMNS * 2))
        .contains("written=" + (headerBytes + PIXEL_BYTES))
        .contains("maxHeapMiB=");
  }

  /** Writes header + pixel data element header, then extends the file to its full length. */
  private static long writeSparseFile(Path file) throws IOException {
    DataSet.Builder b = DataSet.builder();
    b.addText(0x00080016, Vr.UI, "1.2.840.10008.5.1.4.1.1.4.1");
    b.addText(0x00080018, Vr.UI, "1.2.826.0.1.3680043.10.1447.1.1");
    b.addText(0x00080060, Vr.CS, "MR");
    b.addText(0x00100010, Vr.PN, "Large^Test");
    b.addText(0x0020000D, Vr.UI, "1.2.826.0.1.3680043.10.1447.1.2");
    b.addText(0x0020000E, Vr.UI, "1.2.826.0.1.3680043.10.1447.1.3");
    b.add(0x00280002, Vr.US, us(1));
    b.addText(0x00280004, Vr.CS, "MONOCHROME2");
    b.addText(0x00280008, Vr.IS, Integer.toString(FRAMES));
    b.add(0x00280010, Vr.US, us(ROWS));
    b.add(0x00280011, Vr.US, us(COLUMNS));
    b.add(0x00280100, Vr.US, us(16));
    b.add(0x00280101, Vr.US, us(16));
    b.add(0x00280102, Vr.US, us(15));
    b.add(0x00280103, Vr.US, us(0));
    DataSet meta = DataSet.builder()
        .add(0x00020001, Vr.OB, Value.Bytes.of(new byte[] {0, 1}))
        .addText(0x00020002, Vr.UI, "1.2.840.10008.5.1.4.1.1.4.1")
        .addText(0x00020003, Vr.UI, "1.2.826.0.1.3680043.10.1447.1.1")
        .addText(0x00020010, Vr.UI, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid())
        .build();
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DicomWriter.writeFile(header, new FileMeta(java.util.Optional.empty(), meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
        b.build(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, BulkDataSource.NONE);
    byte[] pixelHeader = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0,
        (byte) PIXEL_BYTES, (byte) (PIXEL_BYTES >>> 8), (byte) (PIXEL_BYTES >>> 16), (byte) (PIXEL_BYTES >>> 24)};
    header.write(pixelHeader);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(header.toByteArray());
      raf.setLength(header.size() + PIXEL_BYTES);
    }
    return header.size();
  }

  private static Value us(int v) {
    return Value.Bytes.of(new byte[] {(byte) v, (byte) (v >>> 8)});
  }
}
