package org.custos.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every way Orthanc 1.10.1 with DICOMweb 1.7 and Custos answer the same QIDO-RS search
 * differently on the corpus, each with its reason (docs/dicomweb.md, "Compared with Orthanc").
 * A difference no constant explains fails {@link OrthancInteropIT}; so does a constant that
 * explains nothing, so that this list stays exact.
 */
enum KnownQidoDifference {
  SPECIFIC_CHARACTER_SET("Orthanc returns Specific Character Set (0008,0005), naming its DefaultEncoding; Custos "
      + "leaves it out, since DICOM JSON is UTF-8 whatever the stored encoding (PS3.18 F.2)") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return d.is("00080005") && d.onlyOrthanc();
    }
  },
  INSTANCE_AVAILABILITY("Custos returns Instance Availability (0008,0056) ONLINE, a return attribute of studies and "
      + "instances in PS3.18 10.6.3.3; the Orthanc plugin does not") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return d.is("00080056") && d.onlyCustos() && d.custos().path("Value").path(0).asText().equals("ONLINE");
    }
  },
  STUDY_DESCRIPTION("Custos returns Study Description (0008,1030) by default (the index keeps it, so it costs "
      + "nothing); the Orthanc plugin does not") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return d.is("00081030") && d.onlyCustos();
    }
  },
  COMPUTED_PARENT_ATTRIBUTES("When the path does not fix the study (or, for instances, the series), Custos adds "
      + "the parent level's computed attributes (Modalities in Study, Number of Study Related Series and "
      + "Instances, Number of Series Related Instances); Orthanc adds only the parent's main tags") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return d.onlyCustos() && !d.query().level().equals("studies")
          && Set.of("00080061", "00201206", "00201208", "00201209").contains(d.tag())
          && !(d.is("00201209") && d.query().level().equals("series"));
    }
  },
  EMPTY_ATTRIBUTE_RETURNED("Custos returns every return attribute, without a Value when the data has none "
      + "(PS3.18 F.2.5); Orthanc leaves out the attributes it has no value for. Checked against the files: none "
      + "of the result's files has a value") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return !d.isMembership() && d.onlyCustosWithoutValue() && !facts.anyValue(d.uid(), d.tag());
    }
  },
  PARENT_ATTRIBUTES_IN_SCOPE("Under /studies/{study}/..., Orthanc repeats the patient's and the study's "
      + "attributes in every series and instance result (and under .../series/{series}/instances the series' "
      + "Modality, Series Description and Number); Custos leaves out the levels the path fixes") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return d.onlyOrthanc() && (d.query().scopedToStudy() && STUDY_AND_PATIENT.contains(d.tag())
          || d.query().scopedToSeries() && SERIES.contains(d.tag()));
    }
  },
  PERSON_NAME_EMPTY_GROUP("For a name with an empty trailing component group (Wang^XiaoDong=王^小東=), Orthanc "
      + "returns \"Phonetic\": \"\"; Custos leaves the empty group out; the names are equal otherwise") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return !d.isMembership() && d.orthanc().path("vr").asText().equals("PN")
          && withoutEmptyGroups(d.orthanc()).equals(withoutEmptyGroups(d.custos()));
    }
  },
  STUDY_SHARED_BY_TWO_PATIENTS("Two corpus files (nibabel 0.dcm and siemens_dwi_1000.dcm) share a Study Instance "
      + "UID under different Patient IDs. Orthanc's model keys studies by patient, so it answers one study (and "
      + "series) per patient, each with its own patient and study attributes and counts; Custos keeps one study "
      + "under the patient it was first stored for (the second instance is flagged, STOW warning B102) and "
      + "answers that patient's attributes and the study's total counts. At instance level a patient attribute "
      + "that record holds empty comes from the instance itself (docs/dicomweb.md, the note there)") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      if (!facts.isSharedByPatients(d.studyUid())) {
        return false;
      }
      return d.isMembership() ? !d.onlyOrthanc() && !d.onlyCustos()
          : STUDY_AND_PATIENT.contains(d.tag()) || d.is("00201209");
    }
  },
  ORTHANC_RANGE_MATCHES_EMPTY_DATE("Orthanc matches a Study Date range against studies without a Study Date "
      + "(it compares text, and \"\" sorts first); PS3.4 C.2.2.2.5 matches only studies whose date lies in the "
      + "range, as Custos does") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      return d.isMembership() && d.onlyOrthanc() && d.query().key("StudyDate").filter(r -> r.contains("-")).isPresent()
          && d.resultValue("00080020").isEmpty();
    }
  },
  ACR_NEMA_STUDY_DATE_NORMALISED("A Study Date stored in the ACR-NEMA form YYYY.MM.DD (older corpus files) is "
      + "answered by Custos in the DA form YYYYMMDD, the form its index keeps for range search (PS3.5 6.2 asks "
      + "readers to accept the old form; DICOM JSON carries DA values); Orthanc repeats the stored text. Both find "
      + "these studies by date range") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      String orthanc = d.orthanc() == null ? "" : d.orthanc().path("Value").path(0).asText();
      String custos = d.custos() == null ? "" : d.custos().path("Value").path(0).asText();
      return d.is("00080020") && orthanc.matches("\\d{4}\\.\\d{2}\\.\\d{2}")
          && custos.equals(orthanc.replace(".", ""));
    }
  },
  PERSON_NAME_COMPONENT_GROUP("Custos matches a Patient's Name against the whole name or any one component group "
      + "(Yamada^Tarou finds Yamada^Tarou=山田^太郎=やまだ^たろう); Orthanc matches the whole value only") {
    @Override
    boolean explains(QidoDifference d, CorpusFacts facts) {
      String wanted = d.query().key("PatientName").filter(n -> !n.contains("*") && !n.contains("?")).orElse("");
      if (!d.isMembership() || !d.onlyCustos() || wanted.isEmpty()) {
        return false;
      }
      List<String> groups = new ArrayList<>();
      d.custos().path(0).path("00100010").path("Value").path(0).elements()
          .forEachRemaining(group -> groups.add(group.asText()));
      return groups.size() > 1 && groups.stream().anyMatch(g -> g.equalsIgnoreCase(wanted));
    }
  };

  /** Study-level and patient-level attributes the two servers return in series and instance results. */
  static final Set<String> STUDY_AND_PATIENT = Set.of("00080020", "00080030", "00080050", "00080090", "00081030",
      "00080061", "00100010", "00100020", "00100030", "00100040", "00200010", "00201206", "00201208");

  /** Series-level attributes Orthanc repeats in the instance results of one series. */
  static final Set<String> SERIES = Set.of("00080060", "0008103E", "00200011");

  final String reason;

  KnownQidoDifference(String reason) {
    this.reason = reason;
  }

  abstract boolean explains(QidoDifference d, CorpusFacts facts);

  private static JsonNode withoutEmptyGroups(JsonNode element) {
    JsonNode copy = element.deepCopy();
    for (JsonNode name : copy.path("Value")) {
      if (name instanceof ObjectNode groups) {
        List<String> empty = new ArrayList<>();
        groups.fields().forEachRemaining(group -> {
          if (group.getValue().asText().isEmpty()) {
            empty.add(group.getKey());
          }
        });
        groups.remove(empty);
      }
    }
    return copy;
  }
}
