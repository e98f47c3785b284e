package org.custos.bench.orthanc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The study-level QIDO-RS searches (PS3.18 10.6), each a kind of query with its parameters drawn
 * at random from the population, and the number of matches the population says it must return.
 * Every query asks for at most {@link #LIMIT} results, a page as a worklist would show it: without
 * a limit the modality search returns thousands of studies (all of them from Orthanc, the server
 * maximum of 1,000 from Custos) and would measure JSON volume rather than search.
 */
record Search(String query, int expected) {
  static final int LIMIT = 100;

  /** The kinds, in the order of the table. */
  enum Kind {
    PATIENT_ID("PatientID (exact)"),
    STUDY_DATE("StudyDate (7-day range)"),
    PATIENT_NAME("PatientName (family prefix*)"),
    MODALITIES("ModalitiesInStudy");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  static List<Search> draw(Kind kind, int count, Population population, List<String> modalities, Random random) {
    List<Population.Study> studies = population.studies();
    List<Search> searches = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Population.Study pick = studies.get(random.nextInt(studies.size()));
      searches.add(switch (kind) {
        case PATIENT_ID -> of("PatientID=" + Population.patientId(pick.patient()), studies,
            s -> s.patient() == pick.patient());
        case STUDY_DATE -> {
          int from = Math.min(pick.day(), Population.DAYS - 7);
          yield of("StudyDate=" + Population.date(from) + "-" + Population.date(from + 6), studies,
              s -> s.day() >= from && s.day() <= from + 6);
        }
        case PATIENT_NAME -> {
          int family = pick.patient() % Population.FAMILIES;
          yield of("PatientName=" + Population.family(family) + "*", studies,
              s -> s.patient() % Population.FAMILIES == family);
        }
        case MODALITIES -> {
          String modality = modalities.get(i % modalities.size());
          yield new Search("ModalitiesInStudy=" + modality + "&limit=" + LIMIT,
              Math.min(LIMIT, population.withModality(modality)));
        }
      });
    }
    return searches;
  }

  private static Search of(String key, List<Population.Study> studies, Predicate<Population.Study> matches) {
    return new Search(key + "&limit=" + LIMIT, (int) Math.min(LIMIT, studies.stream().filter(matches).count()));
  }
}
