package org.custos.archive.search;

import java.util.List;
import java.util.Map;

/**
 * A study as search shows it, opened: the patient's and the study's attributes (keyword → value),
 * the modalities of its series and its counts. Holds PHI: never log it.
 */
public record StudySummary(String studyId, String patientId, Map<String, String> patient, Map<String, String> study,
    List<String> modalities, int seriesCount, int instanceCount) {
  public StudySummary {
    patient = Map.copyOf(patient);
    study = Map.copyOf(study);
    modalities = List.copyOf(modalities);
  }

  @Override
  public String toString() {
    return "StudySummary[" + studyId + ", " + seriesCount + " series, " + instanceCount + " instances]";
  }
}
