package org.custos.server.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;

/**
 * Many distinct instances from one real corpus file: fresh Study/Series/SOP Instance UIDs (2.25
 * UUID form) and made-up patients, written as PS3.10 files. For tests that need volume.
 */
final class SyntheticInstances {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SyntheticInstances() {}

  static Path template() {
    String shared = System.getProperty("custos.shared.dir", "../../shared");
    return Path.of(shared, "dicom-corpus", "valid", "pydicom", "MR_small.dcm");
  }

  /** Writes {@code count} instances, {@code perStudy} per study, one study per patient. */
  static List<Path> write(Path dir, int count, int perStudy) throws IOException {
    DicomFile source = DicomReader.read(template(), ReadOptions.DEFAULT.withAllValuesInMemory());
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    String study = null;
    String series = null;
    for (int i = 0; i < count; i++) {
      if (i % perStudy == 0) {
        study = uid();
        series = uid();
      }
      int patient = i / perStudy;
      String sop = uid();
      DataSet dataSet = text(text(text(text(text(source.dataSet(), Tags.SOPInstanceUID, Vr.UI, sop),
          Tags.StudyInstanceUID, Vr.UI, study), Tags.SeriesInstanceUID, Vr.UI, series),
          Tags.PatientID, Vr.LO, String.format("SYN-%06d", patient)),
          Tags.PatientName, Vr.PN, String.format("Synthetic^Patient%06d", patient));
      FileMeta meta = new FileMeta(source.fileMeta().orElseThrow().preamble(),
          text(source.fileMeta().orElseThrow().elements(), Tags.MediaStorageSOPInstanceUID, Vr.UI, sop),
          source.transferSyntax());
      Path file = dir.resolve(String.format("%06d.dcm", i));
      try (OutputStream out = Files.newOutputStream(file)) {
        DicomWriter.writeFile(out, meta, dataSet, source.transferSyntax(), BulkDataSource.NONE);
      }
      files.add(file);
    }
    return files;
  }

  static String uid() {
    return "2.25." + new BigInteger(1, randomBytes(16));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static DataSet text(DataSet dataSet, int tag, Vr vr, String value) {
    DataSet one = DataSet.builder().addText(tag, vr, value).build();
    return dataSet.toBuilder().put(one.get(tag).orElseThrow()).build();
  }
}
