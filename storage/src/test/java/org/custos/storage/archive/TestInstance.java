package org.custos.storage.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.Preamble;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;

/** A real MR image (the corpus's MR_small) re-labelled as a test needs it, as PS3.10 bytes. */
final class TestInstance {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DicomFile TEMPLATE =
      DicomReader.read(SharedCorpus.file("valid/pydicom/MR_small.dcm"), ReadOptions.DEFAULT.withAllValuesInMemory());

  private DataSet dataSet = TEMPLATE.dataSet();
  private Optional<Preamble> preamble = Optional.of(Preamble.zero());

  static TestInstance of(String patientId, String issuer, String name) {
    return new TestInstance().with(Tags.PatientID, Vr.LO, patientId).with(Tags.IssuerOfPatientID, Vr.LO, issuer)
        .with(Tags.PatientName, Vr.PN, name).with(Tags.PatientBirthDate, Vr.DA, "19610412")
        .with(Tags.StudyInstanceUID, Vr.UI, uid()).with(Tags.SeriesInstanceUID, Vr.UI, uid())
        .with(Tags.SOPInstanceUID, Vr.UI, uid());
  }

  static String uid() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "2.25." + new BigInteger(1, bytes);
  }

  TestInstance with(int tag, Vr vr, String value) {
    DataSet one = DataSet.builder().addText(tag, vr, value).build();
    TestInstance copy = copy();
    copy.dataSet = dataSet.toBuilder().put(one.get(tag).orElseThrow()).build();
    return copy;
  }

  TestInstance without(int tag) {
    TestInstance copy = copy();
    copy.dataSet = dataSet.toBuilder().remove(tag).build();
    return copy;
  }

  TestInstance sameStudyNewInstance() {
    return with(Tags.SOPInstanceUID, Vr.UI, uid());
  }

  TestInstance withPreamble(byte[] bytes) {
    TestInstance copy = copy();
    copy.preamble = Optional.of(Preamble.of(bytes));
    return copy;
  }

  String sopInstanceUid() {
    return dataSet.getString(Tags.SOPInstanceUID).orElse("");
  }

  String studyInstanceUid() {
    return dataSet.getString(Tags.StudyInstanceUID).orElseThrow();
  }

  byte[] bytes() {
    DataSet meta = TEMPLATE.fileMeta().orElseThrow().elements();
    DataSet metaWithUid = meta.toBuilder().put(DataSet.builder()
        .addText(Tags.MediaStorageSOPInstanceUID, Vr.UI, sopInstanceUid().isEmpty() ? "1.2.3" : sopInstanceUid())
        .build().get(Tags.MediaStorageSOPInstanceUID).orElseThrow()).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      DicomWriter.writeFile(out, new FileMeta(preamble, metaWithUid, TEMPLATE.transferSyntax()), dataSet,
          TEMPLATE.transferSyntax(), BulkDataSource.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private TestInstance copy() {
    TestInstance copy = new TestInstance();
    copy.dataSet = dataSet;
    copy.preamble = preamble;
    return copy;
  }
}
