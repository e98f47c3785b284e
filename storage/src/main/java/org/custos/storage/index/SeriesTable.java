package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.SeriesRow;

/** The {@code series} table. */
final class SeriesTable {
  static final String COLUMNS =
      "series_id, study_id, uid_token, modality, attributes_sealed, created_millis";
  static final String BY_UID = "SELECT " + COLUMNS + " FROM series WHERE uid_token = ?";
  static final String BY_ID = "SELECT " + COLUMNS + " FROM series WHERE series_id = ?";
  static final String INSERT = "INSERT INTO series (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
  static final String OF_STUDY =
      "SELECT " + COLUMNS + " FROM series WHERE study_id = ? ORDER BY seq";
  static final String SHRED =
      "UPDATE series SET uid_token = NULL, attributes_sealed = ?"
          + " WHERE study_id IN (SELECT study_id FROM studies WHERE patient_id = ?)";

  private final SqlRunner sql;

  SeriesTable(SqlRunner sql) {
    this.sql = sql;
  }

  Optional<SeriesRow> byUid(byte[] uidToken) {
    return sql.first("seriesByUid", BY_UID, s -> s.setBytes(1, uidToken), SeriesTable::map);
  }

  Optional<SeriesRow> byId(String seriesId) {
    return sql.first("series", BY_ID, s -> s.setString(1, seriesId), SeriesTable::map);
  }

  void insert(SeriesRow row) {
    sql.update(
        "insertSeries",
        INSERT,
        s -> {
          s.setString(1, row.seriesId());
          s.setString(2, row.studyId());
          s.setBytes(3, row.uidToken());
          s.setString(4, row.modality());
          s.setBytes(5, row.attributesSealed());
          Columns.setInstant(s, 6, row.created());
        });
  }

  List<SeriesRow> ofStudy(String studyId) {
    return sql.list("seriesOfStudy", OF_STUDY, s -> s.setString(1, studyId), SeriesTable::map);
  }

  void shred(String patientId) {
    sql.update(
        "shredPatient",
        SHRED,
        s -> {
          s.setBytes(1, new byte[0]);
          s.setString(2, patientId);
        });
  }

  static SeriesRow map(ResultSet r) throws SQLException {
    return new SeriesRow(
        r.getString("series_id"),
        r.getString("study_id"),
        Columns.bytes(r, "uid_token"),
        r.getString("modality"),
        Columns.bytes(r, "attributes_sealed"),
        Columns.instant(r, "created_millis"));
  }
}
