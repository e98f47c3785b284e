package org.custos.server.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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
 * A real corpus file re-labelled as a test needs it (immutable: each {@code with} returns a copy),
 * written as PS3.10 bytes in the file's own transfer syntax. New instances get fresh 2.25 UIDs.
 */
public final class TestDicom {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DicomFile template;
  private final DataSet dataSet;

  private TestDicom(DicomFile template, DataSet dataSet) {
    this.template = template;
    this.dataSet = dataSet;
  }

  /** The shared corpus beside the repository (../shared/dicom-corpus), as the build passes it. */
  public static Path corpus(String relative) {
    String shared = System.getProperty("custos.shared.dir", "../../shared");
    Path file = Path.of(shared, "dicom-corpus").resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("corpus file missing: " + file.toAbsolutePath() + " (see README)");
    }
    return file;
  }

  /** The corpus file, as it is. */
  public static TestDicom of(String corpusFile) {
    DicomFile file = DicomReader.read(corpus(corpusFile), ReadOptions.DEFAULT.withAllValuesInMemory());
    return new TestDicom(file, file.dataSet());
  }

  /** The corpus file as a new instance of a new study and series of a new patient. */
  public static TestDicom fresh(String corpusFile, String patientId, String patientName) {
    return of(corpusFile).with(Tags.PatientID, Vr.LO, patientId).with(Tags.PatientName, Vr.PN, patientName)
        .with(Tags.StudyInstanceUID, Vr.UI, uid()).with(Tags.SeriesInstanceUID, Vr.UI, uid())
        .with(Tags.SOPInstanceUID, Vr.UI, uid());
  }

  public static String uid() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "2.25." + new BigInteger(1, bytes);
  }

  public TestDicom with(int tag, Vr vr, String value) {
    DataSet one = DataSet.builder().addText(tag, vr, value).build();
    return new TestDicom(template, dataSet.toBuilder().put(one.get(tag).orElseThrow()).build());
  }

  public TestDicom without(int tag) {
    return new TestDicom(template, dataSet.toBuilder().remove(tag).build());
  }

  /** The same study and series, a new instance. */
  public TestDicom nextInstance() {
    return with(Tags.SOPInstanceUID, Vr.UI, uid());
  }

  /** The same study, a new series with a new instance. */
  public TestDicom nextSeries() {
    return with(Tags.SeriesInstanceUID, Vr.UI, uid()).nextInstance();
  }

  public DataSet dataSet() {
    return dataSet;
  }

  public String studyUid() {
    return dataSet.getString(Tags.StudyInstanceUID).orElseThrow();
  }

  public String seriesUid() {
    return dataSet.getString(Tags.SeriesInstanceUID).orElseThrow();
  }

  public String sopInstanceUid() {
    return dataSet.getString(Tags.SOPInstanceUID).orElseThrow();
  }

  public byte[] bytes() {
    FileMeta meta = template.fileMeta().orElseThrow();
    DataSet elements = meta.elements().toBuilder().put(DataSet.builder()
        .addText(Tags.MediaStorageSOPInstanceUID, Vr.UI, sopInstanceUid()).build()
        .get(Tags.MediaStorageSOPInstanceUID).orElseThrow()).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      DicomWriter.writeFile(out, new FileMeta(meta.preamble(), elements, template.transferSyntax()), dataSet,
          template.transferSyntax(), BulkDataSource.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
