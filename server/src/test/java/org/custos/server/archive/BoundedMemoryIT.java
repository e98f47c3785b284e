package org.custos.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.home.HomeInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: a 2 GiB multi-frame instance (4,096 frames of 512 x 512 x 16 bits) is imported and
 * exported by the real {@code custos} process with {@code -Xmx256m}, and comes back with the same
 * SHA-256. The source is a sparse file, so it costs time, not disk, to make.
 */
class BoundedMemoryIT {
  private static final int FRAMES = 4096;
  private static final long PIXEL_BYTES = 512L * 512 * 2 * FRAMES;

  @Test
  void aTwoGibInstance_ingestsAndExportsIn256MibOfHeap(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("large.dcm");
    String studyUid = writeSparse(source);
    Path home = dir.resolve("home");
    HomeInitializer.init(home, HomeInitializer.Seal.KEY_FILE, Map.of());

    CustosProcess imported = CustosProcess.start("import", "--home", home.toString(), source.toString());
    assertThat(imported.waitFor(900)).as(imported.output()).isZero();
    assertThat(imported.output()).contains("imported 1,");

    Path out = dir.resolve("export");
    CustosProcess exported = CustosProcess.start("export", "--home", home.toString(), "--study", studyUid, "--out",
        out.toString());
    assertThat(exported.waitFor(900)).as(exported.output()).isZero();
    List<Path> files;
    try (Stream<Path> list = Files.list(out)) {
      files = list.toList();
    }
    assertThat(files).singleElement().satisfies(file -> {
      assertThat(Files.size(file)).isEqualTo(Files.size(source));
      assertThat(sha256(file)).isEqualTo(sha256(source));
    });
  }

  private static String writeSparse(Path file) throws Exception {
    DicomFile template = DicomReader.read(SyntheticInstances.template(), ReadOptions.DEFAULT.withAllValuesInMemory());
    String sop = SyntheticInstances.uid();
    String study = SyntheticInstances.uid();
    DataSet dataSet = template.dataSet();
    dataSet = SyntheticInstances.text(dataSet, Tags.SOPInstanceUID, Vr.UI, sop);
    dataSet = SyntheticInstances.text(dataSet, Tags.StudyInstanceUID, Vr.UI, study);
    dataSet = SyntheticInstances.text(dataSet, Tags.NumberOfFrames, Vr.IS, Integer.toString(FRAMES));
    dataSet = dataSet.toBuilder().remove(Tag.PIXEL_DATA)
        .put(DataSet.builder().add(Tags.Rows, Vr.US, us(512)).build().get(Tags.Rows).orElseThrow())
        .put(DataSet.builder().add(Tags.Columns, Vr.US, us(512)).build().get(Tags.Columns).orElseThrow())
        .build();
    FileMeta meta = new FileMeta(template.fileMeta().orElseThrow().preamble(),
        SyntheticInstances.text(template.fileMeta().orElseThrow().elements(), Tags.MediaStorageSOPInstanceUID, Vr.UI, sop),
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DicomWriter.writeFile(header, meta, dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, BulkDataSource.NONE);
    header.write(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0, (byte) PIXEL_BYTES,
        (byte) (PIXEL_BYTES >>> 8), (byte) (PIXEL_BYTES >>> 16), (byte) (PIXEL_BYTES >>> 24)});
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(header.toByteArray());
      raf.setLength(header.size() + PIXEL_BYTES);
    }
    return study;
  }

  private static org.custos.dicom.Value us(int value) {
    return org.custos.dicom.Value.Bytes.of(new byte[] {(byte) value, (byte) (value >>> 8)});
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
