package org.custos.server.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;

/**
 * Writes the synthetic {@link SampleStudy}s as PS3.10 files: 16-bit phantoms (concentric
 * discs of different "densities") with the attributes a viewer needs.
 */
public final class SampleStudyWriter {
  private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

  private SampleStudyWriter() {}

  /** Writes every sample study under {@code dir}; returns the files written. */
  public static List<Path> writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    int studyNumber = 0;
    for (SampleStudy study : SampleStudy.ALL) {
      studyNumber++;
      String studyUid = DemoUids.of("study-" + studyNumber);
      String seriesUid = DemoUids.of("series-" + studyNumber);
      for (int i = 1; i <= study.instances(); i++) {
        String sopUid = DemoUids.of("instance-" + studyNumber + "-" + i);
        Path file = dir.resolve("study" + studyNumber + "-" + study.modality().toLowerCase() + "-" + i + ".dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
          DataSet meta = DataSet.builder()
              .add(Tags.FileMetaInformationVersion, Vr.OB, Value.Bytes.of(new byte[] {0, 1}))
              .addText(Tags.MediaStorageSOPClassUID, Vr.UI, SECONDARY_CAPTURE)
              .addText(Tags.MediaStorageSOPInstanceUID, Vr.UI, sopUid)
              .addText(Tags.TransferSyntaxUID, Vr.UI, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid())
              .addText(Tags.ImplementationClassUID, Vr.UI, DemoUids.of("implementation"))
              .addText(Tags.ImplementationVersionName, Vr.SH, "CUSTOS_0_1")
              .build();
          DicomWriter.writeFile(out, new FileMeta(Optional.empty(), meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
              instance(study, studyUid, seriesUid, sopUid, i), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, BulkDataSource.NONE);
        }
        files.add(file);
      }
    }
    return files;
  }

  private static DataSet instance(SampleStudy s, String studyUid, String seriesUid, String sopUid, int number) {
    return DataSet.builder()
        .addText(Tags.SpecificCharacterSet, Vr.CS, "ISO_IR 192")
        .addText(Tags.ImageType, Vr.CS, "DERIVED", "SECONDARY")
        .addText(Tags.SOPClassUID, Vr.UI, SECONDARY_CAPTURE)
        .addText(Tags.SOPInstanceUID, Vr.UI, sopUid)
        .addText(Tags.StudyDate, Vr.DA, s.studyDate())
        .addText(Tags.StudyTime, Vr.TM, "101500")
        .addText(Tags.AccessionNumber, Vr.SH, "ACC" + s.patientId().substring(5) + s.modality())
        .addText(Tags.Modality, Vr.CS, s.modality())
        .addText(Tags.ConversionType, Vr.CS, "SYN")
        .addText(Tags.StudyDescription, Vr.LO, s.description())
        .addText(Tags.PatientName, Vr.PN, s.patientName())
        .addText(Tags.PatientID, Vr.LO, s.patientId())
        .addText(Tags.IssuerOfPatientID, Vr.LO, "CUSTOS-DEMO")
        .addText(Tags.PatientBirthDate, Vr.DA, s.birthDate())
        .addText(Tags.PatientSex, Vr.CS, s.patientName().endsWith("Alice") ? "F" : "M")
        .addText(Tags.StudyInstanceUID, Vr.UI, studyUid)
        .addText(Tags.SeriesInstanceUID, Vr.UI, seriesUid)
        .addText(Tags.StudyID, Vr.SH, "1")
        .addText(Tags.SeriesNumber, Vr.IS, "1")
        .addText(Tags.InstanceNumber, Vr.IS, Integer.toString(number))
        .add(Tags.SamplesPerPixel, Vr.US, us(1))
        .addText(Tags.PhotometricInterpretation, Vr.CS, "MONOCHROME2")
        .add(Tags.Rows, Vr.US, us(s.rows()))
        .add(Tags.Columns, Vr.US, us(s.columns()))
        .add(Tags.BitsAllocated, Vr.US, us(16))
        .add(Tags.BitsStored, Vr.US, us(12))
        .add(Tags.HighBit, Vr.US, us(11))
        .add(Tags.PixelRepresentation, Vr.US, us(0))
        .addText(Tags.WindowCenter, Vr.DS, "1024")
        .addText(Tags.WindowWidth, Vr.DS, "2048")
        .add(Tags.PixelData, Vr.OW, Value.Bytes.of(Phantom.pixels(s.rows(), s.columns(), number)))
        .build();
  }

  private static Value us(int v) {
    return Value.Bytes.of(new byte[] {(byte) v, (byte) (v >>> 8)});
  }
}
