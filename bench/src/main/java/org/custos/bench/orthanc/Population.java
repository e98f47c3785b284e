package org.custos.bench.orthanc;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.dicom.dictionary.Tags;

/**
 * The synthetic patients and studies the copies are labelled with, so that the QIDO-RS searches
 * select as they would in an archive: about five studies per patient, 400 family names of five
 * patients each, study dates spread over ten years (about 2.7 studies a day at 10,000 studies),
 * the template's modality. Deterministic per study number; remembers every study it labelled so
 * that the expected number of matches of a search can be counted. Not thread-safe.
 */
final class Population {
  static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
  static final int DAYS = 3650;
  static final int FAMILIES = 400;
  private static final String[] SYLLABLES = {"BA", "KE", "LO", "MI", "NU", "RA", "SE", "TO", "VI", "ZU", "DA", "FE",
      "GO", "HI", "JU", "PA", "QE", "SY", "TY", "WI"};
  private static final String[] GIVEN = {"ANNA", "BORIS", "CLARA", "DAVID", "EMMA", "FELIX", "GRETA", "HUGO", "IRIS",
      "JONAS"};
  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

  private final int patients;
  private final List<Study> studies = new ArrayList<>();
  private final Map<String, Integer> outsiders = new HashMap<>();

  /** One labelled study: its number, patient number, day number and modality. */
  record Study(int number, int patient, int day, String modality) {}

  /** A population for about {@code plannedStudies} studies. */
  Population(int plannedStudies) {
    this.patients = Math.max(1, plannedStudies / 5);
  }

  /** Labels the next study, of an instance of {@code modality}: the attributes to put in its copy. */
  Map<Integer, String> next(String modality) {
    int number = studies.size();
    int patient = (int) ((number * 2_654_435_761L) % patients); // a fixed scatter, ~5 studies each
    int day = (int) ((number * 7_919L) % DAYS);
    studies.add(new Study(number, patient, day, modality));
    Map<Integer, String> text = new LinkedHashMap<>();
    text.put(Tags.PatientName, family(patient % FAMILIES) + "^" + GIVEN[(patient / FAMILIES) % GIVEN.length]);
    text.put(Tags.PatientID, patientId(patient));
    text.put(Tags.PatientBirthDate, DA.format(LocalDate.of(1930 + patient % 80, 1 + patient % 12, 1 + patient % 28)));
    text.put(Tags.PatientSex, patient % 2 == 0 ? "F" : "M");
    text.put(Tags.StudyDate, date(day));
    text.put(Tags.AccessionNumber, String.format("ACC%07d", number));
    return text;
  }

  /** Labels for a copy that must match no search of the run but ModalitiesInStudy (preflight copies). */
  static Map<Integer, String> outsider() {
    Map<Integer, String> text = new LinkedHashMap<>();
    text.put(Tags.PatientName, "PREFLIGHT^CHECK");
    text.put(Tags.PatientID, "PREFLIGHT");
    text.put(Tags.PatientBirthDate, "19000101");
    text.put(Tags.PatientSex, "O");
    text.put(Tags.StudyDate, "19900101");
    return text;
  }

  /** Records a stored outsider copy of {@code modality}. */
  void outsider(String modality) {
    outsiders.merge(modality, 1, Integer::sum);
  }

  /** The labelled studies, outsiders not included. */
  List<Study> studies() {
    return List.copyOf(studies);
  }

  /** How many stored studies, outsiders included, have {@code modality}. */
  int withModality(String modality) {
    return (int) studies.stream().filter(s -> s.modality().equals(modality)).count()
        + outsiders.getOrDefault(modality, 0);
  }

  int patients() {
    return Math.min(patients, studies.size());
  }

  static String family(int family) {
    return SYLLABLES[family / SYLLABLES.length] + SYLLABLES[family % SYLLABLES.length];
  }

  static String patientId(int patient) {
    return String.format("BENCH%06d", patient);
  }

  static String date(int day) {
    return DA.format(FIRST_DAY.plusDays(day));
  }
}
