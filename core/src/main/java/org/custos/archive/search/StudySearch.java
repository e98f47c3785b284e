package org.custos.archive.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.custos.archive.ArchiveContext;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.archive.ingest.NameTokens;
import org.custos.archive.ingest.PatientIdentity;
import org.custos.archive.keys.FieldSealer;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.PatientKey;

/**
 * Finds studies (see the package doc for how and at what cost). Without token criteria it pages
 * through all studies, opening each one's attributes. Thread-safe.
 */
public final class StudySearch {
  private final ArchiveContext context;

  public StudySearch(ArchiveContext context) {
    this.context = context;
  }

  static boolean hasWildcard(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  public List<StudySummary> find(StudyQuery query) {
    return context.index().read(session -> {
      List<StudyRow> candidates = query.usesTokens() ? byTokens(session, query) : pageAll(session, query);
      List<StudySummary> matches = new ArrayList<>();
      int skipped = 0;
      for (StudyRow study : candidates) {
        Optional<StudySummary> summary = summarise(session, study).filter(s -> matches(s, study, query));
        if (summary.isEmpty()) {
          continue;
        }
        if (query.usesTokens() && skipped++ < query.offset()) {
          continue;
        }
        matches.add(summary.get());
        if (matches.size() == query.limit()) {
          break;
        }
      }
      return matches;
    });
  }

  private List<StudyRow> pageAll(IndexSession session, StudyQuery query) {
    boolean filtering = query.patientName().isPresent() || query.dateFrom().isPresent() || query.modality().isPresent();
    return filtering ? session.studies(0, Integer.MAX_VALUE) : session.studies(query.offset(), query.limit());
  }

  private List<StudyRow> byTokens(IndexSession session, StudyQuery query) {
    Set<String> studyIds = null;
    if (query.studyInstanceUid().isPresent()) {
      byte[] token = context.keys().token(BlindIndexDomain.STUDY_INSTANCE_UID, query.studyInstanceUid().get().strip());
      studyIds = intersect(studyIds, session.studyByUid(token).map(s -> Set.of(s.studyId())).orElse(Set.of()));
    }
    if (query.accessionNumber().isPresent()) {
      byte[] token = context.keys().token(BlindIndexDomain.ACCESSION_NUMBER, query.accessionNumber().get().strip());
      studyIds = intersect(studyIds, new LinkedHashSet<>(session.ownersOf(BlindIndexDomain.ACCESSION_NUMBER, token)));
    }
    Set<String> patientIds = null;
    if (query.patientId().isPresent()) {
      byte[] token = context.keys().token(BlindIndexDomain.PATIENT_ID, query.patientId().get().strip());
      patientIds = intersect(patientIds, new LinkedHashSet<>(session.ownersOf(BlindIndexDomain.PATIENT_ID, token)));
    }
    if (query.patientName().isPresent() && !hasWildcard(query.patientName().get())) {
      for (String word : NameTokens.of(query.patientName().get())) {
        if (word.startsWith("=")) {
          continue;
        }
        byte[] token = context.keys().token(BlindIndexDomain.PATIENT_NAME_TOKEN, word);
        patientIds = intersect(patientIds, new LinkedHashSet<>(session.ownersOf(BlindIndexDomain.PATIENT_NAME_TOKEN, token)));
      }
    }
    List<StudyRow> studies = new ArrayList<>();
    if (studyIds != null) {
      for (String id : studyIds) {
        session.study(id).ifPresent(studies::add);
      }
    } else if (patientIds != null) {
      for (String id : patientIds) {
        studies.addAll(session.studiesOfPatient(id));
      }
    }
    if (patientIds != null && studyIds != null) {
      Set<String> patients = patientIds;
      studies.removeIf(s -> !patients.contains(s.patientId()));
    }
    return studies;
  }

  private static Set<String> intersect(Set<String> current, Set<String> found) {
    if (current == null) {
      return new LinkedHashSet<>(found);
    }
    current.retainAll(found);
    return current;
  }

  private Optional<StudySummary> summarise(IndexSession session, StudyRow study) {
    Optional<PatientRow> patient = session.patient(study.patientId());
    if (patient.isEmpty() || patient.get().shredded().isPresent()) {
      return Optional.empty();
    }
    PatientKey key = context.keys().patientKey(patient.get());
    Map<String, String> phi = FieldSealer.openMap(key, "patients", patient.get().patientId(), "phi",
        patient.get().phiSealed().orElseThrow());
    Map<String, String> attributes = FieldSealer.openMap(key, "studies", study.studyId(), "attributes",
        study.attributesSealed());
    List<SeriesRow> series = session.seriesOfStudy(study.studyId());
    Set<String> modalities = new TreeSet<>();
    series.forEach(s -> {
      if (!s.modality().isEmpty()) {
        modalities.add(s.modality());
      }
    });
    int instances = session.instancesOfStudy(study.studyId()).size();
    Map<String, String> patientView = new LinkedHashMap<>(phi);
    return Optional.of(new StudySummary(study.studyId(), patient.get().patientId(), patientView, attributes,
        new ArrayList<>(modalities), series.size(), instances));
  }

  private static boolean matches(StudySummary summary, StudyRow study, StudyQuery query) {
    if (query.dateFrom().isPresent() || query.dateTo().isPresent()) {
      String date = study.studyDate().orElse("");
      if (date.isEmpty() || date.compareTo(query.dateFrom().orElse("00000000")) < 0
          || date.compareTo(query.dateTo().orElse("99999999")) > 0) {
        return false;
      }
    }
    if (query.modality().isPresent() && !summary.modalities().contains(query.modality().get().strip())) {
      return false;
    }
    if (query.patientName().isPresent() && hasWildcard(query.patientName().get())) {
      return wildcard(query.patientName().get()).matcher(PatientIdentity.normaliseName(
          summary.patient().getOrDefault("name", ""))).matches();
    }
    return true;
  }

  /** PS3.4 C.2.2.2.4: '*' any run of characters, '?' one character; matched on normalised names. */
  static Pattern wildcard(String pattern) {
    String normalised = PatientIdentity.normaliseName(pattern);
    StringBuilder regex = new StringBuilder();
    for (char c : normalised.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }
}
