package org.custos.server.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;

/** Parses files (header only) and groups them by study, for the demo's printed summary. */
public final class StudySummary {
  /**
   * One study as parsed back.
   *
   * @param studyUid Study Instance UID
   * @param patient patient name and id
   * @param date study date
   * @param modality modality
   * @param description study description
   * @param instances parsed instance count
   * @param transferSyntax transfer syntax UID of the first instance
   */
  public record Row(String studyUid, String patient, String date, String modality, String description,
      int instances, String transferSyntax) {
    @Override
    public String toString() {
      return "Row[" + modality + ", " + instances + " instances]"; // the other fields are PHI
    }
  }

  private StudySummary() {}

  public static List<Row> of(List<Path> files) {
    Map<String, Row> studies = new LinkedHashMap<>();
    for (Path file : files) {
      DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT.withStopBeforePixelData(true));
      DataSet ds = parsed.dataSet();
      String uid = ds.getString(Tags.StudyInstanceUID).orElse("?");
      Row previous = studies.get(uid);
      studies.put(uid, new Row(uid,
          ds.getString(Tags.PatientName).orElse("") + " (" + ds.getString(Tags.PatientID).orElse("") + ")",
          ds.getString(Tags.StudyDate).orElse(""), ds.getString(Tags.Modality).orElse(""),
          ds.getString(Tags.StudyDescription).orElse(""), previous == null ? 1 : previous.instances() + 1,
          parsed.transferSyntax().uid()));
    }
    return new ArrayList<>(studies.values());
  }
}
