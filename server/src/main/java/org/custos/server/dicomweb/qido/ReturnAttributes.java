package org.custos.server.dicomweb.qido;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custos.dicom.dictionary.Tags;

/**
 * The attributes every result carries by default (PS3.18 10.6.3.3, Tables 10.6.3-3 to -5), as far
 * as the archive keeps them without opening an instance: the study attributes, the series
 * attributes, the instance attributes; parent levels added when the path does not fix them.
 * Left out, and returned only through {@code includefield} (taken from a representative instance):
 * Specific Character Set (responses are UTF-8), Timezone Offset From UTC, and at series level
 * Performed Procedure Step Start Date/Time and Request Attributes Sequence; docs/dicomweb.md says
 * why.
 */
final class ReturnAttributes {
  static final List<Integer> STUDY = List.of(Tags.StudyDate, Tags.StudyTime, Tags.AccessionNumber,
      Tags.InstanceAvailability, Tags.ModalitiesInStudy, Tags.ReferringPhysicianName, Tags.StudyDescription,
      Tags.RetrieveURL, Tags.PatientName, Tags.PatientID, Tags.PatientBirthDate, Tags.PatientSex,
      Tags.StudyInstanceUID, Tags.StudyID, Tags.NumberOfStudyRelatedSeries, Tags.NumberOfStudyRelatedInstances);
  static final List<Integer> SERIES = List.of(Tags.Modality, Tags.SeriesDescription, Tags.RetrieveURL,
      Tags.StudyInstanceUID, Tags.SeriesInstanceUID, Tags.SeriesNumber, Tags.NumberOfSeriesRelatedInstances);
  static final List<Integer> INSTANCE = List.of(Tags.SOPClassUID, Tags.SOPInstanceUID, Tags.InstanceAvailability,
      Tags.RetrieveURL, Tags.StudyInstanceUID, Tags.SeriesInstanceUID, Tags.InstanceNumber, Tags.Rows, Tags.Columns,
      Tags.BitsAllocated, Tags.NumberOfFrames);
  /** What {@code includefield=all} adds from the index at study and series level. */
  static final List<Integer> KEPT_STUDY = List.of(Tags.IssuerOfPatientID, Tags.InstitutionName);
  static final List<Integer> KEPT_SERIES = List.of(Tags.BodyPartExamined, Tags.SeriesDate);

  private ReturnAttributes() {}

  /** The default attributes of a result at {@code level} under {@code scope}, in no order. */
  static Set<Integer> defaults(QueryLevel level, QueryScope scope, boolean all) {
    Set<Integer> tags = new LinkedHashSet<>();
    switch (level) {
      case STUDY -> tags.addAll(STUDY);
      case SERIES -> {
        tags.addAll(SERIES);
        if (scope.studyUid().isEmpty()) {
          tags.addAll(STUDY);
        }
      }
      case INSTANCE -> {
        tags.addAll(INSTANCE);
        if (scope.seriesUid().isEmpty()) {
          tags.addAll(SERIES);
        }
        if (scope.studyUid().isEmpty()) {
          tags.addAll(STUDY);
        }
      }
    }
    if (all) {
      tags.addAll(STUDY);
      tags.addAll(KEPT_STUDY);
      if (level != QueryLevel.STUDY) {
        tags.addAll(SERIES);
        tags.addAll(KEPT_SERIES);
      }
    }
    // RetrieveURL is that of the result's own level, whatever levels contributed it.
    return tags;
  }
}
