package org.custos.storage.index;

import java.util.List;
import java.util.Optional;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;

/**
 * The statements of the query services (QIDO-RS, WADO-RS) over the clear columns of
 * {@code studies}, {@code series} and {@code instances}; each is answered through an index (V1
 * and V4 migrations), as {@code SqliteQueryPlanTest} checks.
 */
final class QueryTable {
  static final String STUDIES_BY_DATE = "SELECT " + StudyTable.COLUMNS
      + " FROM studies WHERE study_date >= ? AND study_date <= ? ORDER BY seq";
  static final String SERIES_BY_MODALITY = "SELECT " + SeriesTable.COLUMNS
      + " FROM series WHERE modality = ? ORDER BY seq";
  static final String COUNT_OF_STUDY = "SELECT count(*) FROM instances WHERE study_id = ? AND is_current";
  static final String COUNT_OF_SERIES = "SELECT count(*) FROM instances WHERE series_id = ? AND is_current";
  static final String FIRST_OF_SERIES = "SELECT " + InstanceTable.COLUMNS
      + " FROM instances WHERE series_id = ? AND is_current ORDER BY seq LIMIT 1";

  private final SqlRunner sql;

  QueryTable(SqlRunner sql) {
    this.sql = sql;
  }

  List<StudyRow> studiesByDate(String fromInclusive, String toInclusive) {
    return sql.list("studiesByDate", STUDIES_BY_DATE, s -> {
      s.setString(1, fromInclusive);
      s.setString(2, toInclusive);
    }, StudyTable::map);
  }

  List<SeriesRow> seriesByModality(String modality) {
    return sql.list("seriesByModality", SERIES_BY_MODALITY, s -> s.setString(1, modality), SeriesTable::map);
  }

  long countOfStudy(String studyId) {
    return sql.one("countInstancesOfStudy", COUNT_OF_STUDY, s -> s.setString(1, studyId), r -> r.getLong(1));
  }

  long countOfSeries(String seriesId) {
    return sql.one("countInstancesOfSeries", COUNT_OF_SERIES, s -> s.setString(1, seriesId), r -> r.getLong(1));
  }

  Optional<InstanceRow> firstOfSeries(String seriesId) {
    return sql.first("firstInstanceOfSeries", FIRST_OF_SERIES, s -> s.setString(1, seriesId), InstanceTable::map);
  }
}
