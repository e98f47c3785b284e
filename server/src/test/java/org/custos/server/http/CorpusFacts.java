package org.custos.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.dicom.DataSet;
import org.custos.dicom.dictionary.Tags;

/**
 * What the test knows of the corpus files both servers hold, by Study, Series and SOP Instance
 * UID: their headers (to check that a value a server leaves out is really absent), which studies
 * the files share between Patient IDs, and a name for each UID (the corpus file) so that messages
 * carry neither UIDs nor patient data.
 */
final class CorpusFacts {
  private final Map<String, List<DataSet>> headers = new HashMap<>();
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Set<String>> patientsOfStudy = new HashMap<>();

  void add(String file, DataSet header) {
    String study = text(header, Tags.StudyInstanceUID);
    String series = text(header, Tags.SeriesInstanceUID);
    String sop = text(header, Tags.SOPInstanceUID);
    for (String uid : List.of(study, series, sop)) {
      headers.computeIfAbsent(uid, u -> new ArrayList<>()).add(header);
    }
    labels.putIfAbsent(sop, "instance " + file);
    labels.putIfAbsent(series, "series of " + file);
    labels.putIfAbsent(study, "study of " + file);
    patientsOfStudy.computeIfAbsent(study, s -> new LinkedHashSet<>()).add(text(header, Tags.PatientID));
  }

  /** Whether the corpus stores this study under more than one Patient ID. */
  boolean isSharedByPatients(String studyUid) {
    return patientsOfStudy.getOrDefault(studyUid, Set.of()).size() > 1;
  }

  /** Whether any file of the study, series or instance has a non-blank value for the tag (eight hex digits). */
  boolean anyValue(String uid, String tag) {
    int t = Integer.parseUnsignedInt(tag, 16);
    for (DataSet header : headers.getOrDefault(uid, List.of())) {
      boolean present = header.get(t).map(e -> e.vr().isText()
          ? header.getStrings(t).stream().anyMatch(v -> !v.isBlank()) : e.valueLength() > 0).orElse(false);
      if (present) {
        return true;
      }
    }
    return false;
  }

  String label(String uid) {
    return labels.getOrDefault(uid, "a result of no stored file");
  }

  static String text(DataSet header, int tag) {
    return header.getString(tag).orElse("").strip();
  }
}
