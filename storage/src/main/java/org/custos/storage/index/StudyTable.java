package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.StudyRow;

/** The {@code studies} table. */
final class StudyTable {
  static final String COLUMNS =
      "study_id, patient_id, uid_token, attributes_sealed, study_date, created_millis";
  static final String BY_UID = "SELECT " + COLUMNS + " FROM studies WHERE uid_token = ?";
  static final String BY_ID = "SELECT " + COLUMNS + " FROM studies WHERE study_id = ?";
  static final String INSERT = "INSERT INTO studies (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
  static final String UPDATE_ATTRIBUTES =
      "UPDATE studies SET attributes_sealed = ? WHERE study_id = ?";
  static final String OF_PATIENT =
      "SELECT " + COLUMNS + " FROM studies WHERE patient_id = ? ORDER BY seq";
  static final String PAGE = "SELECT " + COLUMNS + " FROM studies ORDER BY seq LIMIT ? OFFSET ?";
  static final String SHRED =
      "UPDATE studies SET uid_token = NULL, attributes_sealed = ? WHERE patient_id = ?";

  private final SqlRunner sql;

  StudyTable(SqlRunner sql) {
    this.sql = sql;
  }

  Optional<StudyRow> byUid(byte[] uidToken) {
    return sql.first("studyByUid", BY_UID, s -> s.setBytes(1, uidToken), StudyTable::map);
  }

  Optional<StudyRow> byId(String studyId) {
    return sql.first("study", BY_ID, s -> s.setString(1, studyId), StudyTable::map);
  }

  void insert(StudyRow row) {
    sql.update(
        "insertStudy",
        INSERT,
        s -> {
          s.setString(1, row.studyId());
          s.setString(2, row.patientId());
          s.setBytes(3, row.uidToken());
          s.setBytes(4, row.attributesSealed());
          Columns.setString(s, 5, row.studyDate());
          Columns.setInstant(s, 6, row.created());
        });
  }

  int updateAttributes(String studyId, byte[] attributesSealed) {
    return sql.update(
        "updateStudyAttributes",
        UPDATE_ATTRIBUTES,
        s -> {
          s.setBytes(1, attributesSealed);
          s.setString(2, studyId);
        });
  }

  List<StudyRow> ofPatient(String patientId) {
    return sql.list(
        "studiesOfPatient", OF_PATIENT, s -> s.setString(1, patientId), StudyTable::map);
  }

  List<StudyRow> page(int offset, int limit) {
    return sql.list(
        "studies",
        PAGE,
        s -> {
          s.setInt(1, limit);
          s.setInt(2, offset);
        },
        StudyTable::map);
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

  static StudyRow map(ResultSet r) throws SQLException {
    return new StudyRow(
        r.getString("study_id"),
        r.getString("patient_id"),
        Columns.bytes(r, "uid_token"),
        Columns.bytes(r, "attributes_sealed"),
        Columns.optionalString(r, "study_date"),
        Columns.instant(r, "created_millis"));
  }
}
