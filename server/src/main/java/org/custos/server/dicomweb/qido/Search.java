package org.custos.server.dicomweb.qido;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.archive.query.QuerySession;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebUrls;

/**
 * The candidates of one search, in a stable order, each level found from the most selective
 * source the query offers (see docs/dicomweb.md, "What a search costs"):
 * <ol>
 *   <li>UID lists, Accession Number, Patient ID and the words of an exact Patient Name: blind
 *       tokens, one indexed lookup each;
 *   <li>Study Date ranges and exact Modality / Modalities in Study: clear columns, one indexed
 *       lookup;
 *   <li>the path scope (a study's series, a series' instances);
 *   <li>otherwise every study, page by page.
 * </ol>
 * A source only narrows: every matching key is still checked on each candidate afterwards.
 * Lazy: nothing is read before the stream is consumed, inside the {@link QuerySession}.
 */
final class Search {
  private static final int PAGE = 256;

  private final QuerySession q;
  private final DicomWebUrls urls;
  private final QueryLevel level;
  private final QueryScope scope;
  private final QueryParameters parameters;

  Search(QuerySession q, DicomWebUrls urls, QueryLevel level, QueryScope scope, QueryParameters parameters) {
    this.q = q;
    this.urls = urls;
    this.level = level;
    this.scope = scope;
    this.parameters = parameters;
  }

  Stream<Candidate> candidates() {
    return switch (level) {
      case STUDY -> studies().map(study -> new Candidate(q, urls, level, study, Optional.empty(), Optional.empty()));
      case SERIES -> series().map(series -> new Candidate(q, urls, level, q.study(series.studyId()).orElseThrow(),
          Optional.of(series), Optional.empty()));
      case INSTANCE -> instances().flatMap(row -> q.series(row.seriesId()).stream()
          .map(series -> new Candidate(q, urls, level, q.study(series.studyId()).orElseThrow(), Optional.of(series),
              Optional.of(row))));
    };
  }

  /** Whether the query has no key that narrows (so paging can be left to the index). */
  boolean unfiltered() {
    return parameters.matchKeys().values().stream().allMatch(MatchKey::isUniversal) && scope.studyUid().isEmpty();
  }

  private Stream<StudyRow> studies() {
    Optional<MatchKey> uids = parameters.key(Tags.StudyInstanceUID);
    if (scope.studyUid().isPresent()) {
      return q.studyByUid(scope.studyUid().get()).stream();
    }
    if (uids.isPresent()) {
      return byId(uids.get().exactValues().stream().map(q::studyByUid).flatMap(Optional::stream), StudyRow::studyId,
          StudyRow::created);
    }
    Optional<String> accession = exact(Tags.AccessionNumber);
    if (accession.isPresent()) {
      return byId(q.studiesWithAccessionNumber(accession.get()).stream().map(q::study).flatMap(Optional::stream),
          StudyRow::studyId, StudyRow::created);
    }
    Optional<String> patientId = exact(Tags.PatientID);
    if (patientId.isPresent()) {
      return ofPatients(q.patientsWithPatientId(patientId.get()));
    }
    Optional<String> name = exact(Tags.PatientName);
    if (name.isPresent()) {
      return ofPatients(q.patientsWithNameWords(name.get()));
    }
    Optional<MatchKey> date = parameters.key(Tags.StudyDate);
    if (date.isPresent()) {
      String from = date.get().lowerBound().isEmpty() ? "00000000" : date.get().lowerBound();
      String to = date.get().upperBound().equals(Temporal.MAX) ? "99999999" : date.get().upperBound();
      return q.studiesByDate(from, to).stream();
    }
    Optional<MatchKey> modalities = parameters.key(Tags.ModalitiesInStudy);
    if (modalities.isPresent() && !modalities.get().exactValues().isEmpty()) {
      Map<String, StudyRow> studies = new LinkedHashMap<>();
      for (String modality : modalities.get().exactValues()) {
        for (SeriesRow series : q.seriesByModality(modality)) {
          studies.computeIfAbsent(series.studyId(), id -> q.study(id).orElse(null));
        }
      }
      return byId(studies.values().stream().filter(Objects::nonNull), StudyRow::studyId, StudyRow::created);
    }
    return allStudies();
  }

  private Stream<StudyRow> ofPatients(Collection<String> patientIds) {
    return byId(patientIds.stream().flatMap(id -> q.studiesOfPatient(id).stream()), StudyRow::studyId,
        StudyRow::created);
  }

  /** Every study, in creation order, read a page at a time as the stream is consumed. */
  Stream<StudyRow> allStudies() {
    return IntStream.iterate(0, offset -> offset + PAGE).mapToObj(offset -> q.studies(offset, PAGE))
        .takeWhile(page -> !page.isEmpty()).flatMap(List::stream);
  }

  private Stream<SeriesRow> series() {
    Optional<StudyRow> scopeStudy = scope.studyUid().flatMap(q::studyByUid);
    if (scope.studyUid().isPresent() && scopeStudy.isEmpty()) {
      return Stream.empty();
    }
    Stream<SeriesRow> rows;
    Optional<MatchKey> uids = parameters.key(Tags.SeriesInstanceUID);
    Optional<MatchKey> modality = parameters.key(Tags.Modality);
    if (uids.isPresent()) {
      rows = byId(uids.get().exactValues().stream().map(q::seriesByUid).flatMap(Optional::stream), SeriesRow::seriesId,
          SeriesRow::created);
    } else if (scopeStudy.isPresent()) {
      rows = q.seriesOfStudy(scopeStudy.get().studyId()).stream();
    } else if (modality.isPresent() && !modality.get().exactValues().isEmpty()) {
      rows = byId(modality.get().exactValues().stream().flatMap(m -> q.seriesByModality(m).stream()),
          SeriesRow::seriesId, SeriesRow::created);
    } else {
      rows = studies().flatMap(study -> q.seriesOfStudy(study.studyId()).stream());
    }
    return scopeStudy.map(study -> rows.filter(s -> s.studyId().equals(study.studyId()))).orElse(rows);
  }

  private Stream<InstanceRow> instances() {
    Optional<StudyRow> scopeStudy = scope.studyUid().flatMap(q::studyByUid);
    Optional<SeriesRow> scopeSeries = scope.seriesUid().flatMap(q::seriesByUid)
        .filter(s -> scopeStudy.isPresent() && s.studyId().equals(scopeStudy.get().studyId()));
    if (scope.studyUid().isPresent() && scopeStudy.isEmpty() || scope.seriesUid().isPresent() && scopeSeries.isEmpty()) {
      return Stream.empty();
    }
    Stream<InstanceRow> rows;
    Optional<MatchKey> uids = parameters.key(Tags.SOPInstanceUID);
    if (uids.isPresent()) {
      List<InstanceRow> found = new ArrayList<>();
      uids.get().exactValues().stream().distinct().map(q::instanceByUid).flatMap(Optional::stream).forEach(found::add);
      found.sort(Comparator.comparing(InstanceRow::stored).thenComparing(InstanceRow::instanceId));
      rows = found.stream();
    } else if (scopeSeries.isPresent()) {
      rows = q.instancesOfSeries(scopeSeries.get().seriesId()).stream();
    } else if (parameters.key(Tags.SeriesInstanceUID).isPresent() || scopeStudy.isEmpty()) {
      rows = series().flatMap(s -> q.instancesOfSeries(s.seriesId()).stream());
    } else {
      rows = q.instancesOfStudy(scopeStudy.get().studyId()).stream();
    }
    if (scopeSeries.isPresent()) {
      String seriesId = scopeSeries.get().seriesId();
      return rows.filter(r -> r.seriesId().equals(seriesId));
    }
    return scopeStudy.map(study -> rows.filter(r -> r.studyId().equals(study.studyId()))).orElse(rows);
  }

  /** A single value without wild cards, for a token lookup. */
  private Optional<String> exact(int tag) {
    return parameters.key(tag).filter(k -> k.kind() == MatchKey.Kind.SINGLE).map(k -> k.exactValues().get(0));
  }

  /** Distinct by id, in a stable order (creation time, then id): token lookups come in no particular order. */
  private static <T> Stream<T> byId(Stream<T> rows, Function<T, String> id, Function<T, Instant> created) {
    Map<String, T> distinct = new LinkedHashMap<>();
    rows.forEach(row -> distinct.putIfAbsent(id.apply(row), row));
    List<T> sorted = new ArrayList<>(distinct.values());
    sorted.sort(Comparator.comparing(created).thenComparing(id));
    return sorted.stream();
  }
}
