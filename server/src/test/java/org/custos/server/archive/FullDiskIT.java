package org.custos.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.home.CustosInstance;
import org.custos.server.home.HomeInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, full disk: the blob folder sits on an 8 MiB tmpfs. A 12 MiB instance fails with a
 * clear "no space left" error, leaves no temp file, no blob and no index row, and what was stored
 * before stays intact and verifiable.
 */
class FullDiskIT {
  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aFullBlobStore_givesAClearError_andLeavesNothingHalfStored(@TempDir Path dir) throws Exception {
    assertThat(new ProcessBuilder("id", "-u").start().inputReader().readLine())
        .as("mounting a tmpfs needs root (CI runs as root)").isEqualTo("0");
    Path home = dir.resolve("home");
    HomeInitializer.init(home, HomeInitializer.Seal.KEY_FILE, Map.of());
    Path blobs = home.resolve("blobs");
    mount(blobs, "8m");
    List<Path> small = SyntheticInstances.write(dir.resolve("small"), 3, 3);
    Path big = bigInstance(dir.resolve("big.dcm"), 12 * 1024 * 1024);

    CustosProcess first = CustosProcess.start("import", "--home", home.toString(), dir.resolve("small").toString());
    assertThat(first.waitFor(120)).as(first.output()).isZero();

    CustosProcess full = CustosProcess.start("import", "--home", home.toString(), big.toString());
    int exit = full.waitFor(120);

    assertThat(exit).as(full.output()).isEqualTo(1);
    assertThat(full.output()).contains("is full").contains("rolled back");
    try (Stream<Path> leftovers = Files.walk(blobs)) {
      assertThat(leftovers.filter(Files::isRegularFile).count()).as("blob files: the 3 small instances only").isEqualTo(3);
    }
    try (CustosInstance instance = CustosInstance.open(home, Map.of())) {
      assertThat(instance.archive().countInstances()).isEqualTo(3);
      assertThat(instance.archive().verify(b -> { }).problems()).isEmpty();
      for (Path file : small) {
        String uid = DicomReader.read(file, ReadOptions.DEFAULT).dataSet().getString(Tags.SOPInstanceUID).orElseThrow();
        try (InputStream in = instance.archive().retrieve(uid)) {
          assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(file));
        }
      }
    }
  }

  private void mount(Path target, String size) throws Exception {
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", target.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("mount tmpfs: " + out).isZero();
    mounted = target;
  }

  static Path bigInstance(Path file, int privateBytes) throws IOException {
    DicomFile source = DicomReader.read(SyntheticInstances.template(), ReadOptions.DEFAULT.withAllValuesInMemory());
    byte[] noise = new byte[privateBytes];
    new Random(7).nextBytes(noise);
    String sop = SyntheticInstances.uid();
    DataSet dataSet = SyntheticInstances.text(source.dataSet(), Tags.SOPInstanceUID, Vr.UI, sop).toBuilder()
        .put(DataSet.builder().addText(0x00990010, Vr.LO, "CUSTOS TEST").build().get(0x00990010).orElseThrow())
        .put(new DicomElement(0x00991000, Vr.OB, Value.Bytes.of(noise)))
        .build();
    try (OutputStream out = Files.newOutputStream(file)) {
      DicomWriter.writeFile(out, new org.custos.dicom.FileMeta(source.fileMeta().orElseThrow().preamble(),
          SyntheticInstances.text(source.fileMeta().orElseThrow().elements(), Tags.MediaStorageSOPInstanceUID, Vr.UI, sop),
          source.transferSyntax()), dataSet, source.transferSyntax(), BulkDataSource.NONE);
    }
    return file;
  }
}
