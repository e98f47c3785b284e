package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.PatientRow;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;

/** The {@code patients} table. The statements are package-visible for the query-plan tests. */
final class PatientTable {
  static final String COLUMNS =
      "patient_id, identity_token, wrapped_key_id, wrapped_key_version, wrapped_key_ciphertext,"
          + " phi_sealed, identity_conflict, created_millis, shredded_millis";
  static final String BY_IDENTITY = "SELECT " + COLUMNS + " FROM patients WHERE identity_token = ?";
  static final String BY_ID = "SELECT " + COLUMNS + " FROM patients WHERE patient_id = ?";
  static final String INSERT =
      "INSERT INTO patients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String UPDATE_KEY =
      "UPDATE patients SET wrapped_key_id = ?, wrapped_key_version = ?,"
          + " wrapped_key_ciphertext = ? WHERE patient_id = ? AND shredded_millis IS NULL";
  static final String UPDATE_PHI =
      "UPDATE patients SET phi_sealed = ? WHERE patient_id = ? AND shredded_millis IS NULL";
  static final String MARK_CONFLICT =
      "UPDATE patients SET identity_conflict = ? WHERE patient_id = ?";
  static final String PAGE = "SELECT " + COLUMNS + " FROM patients ORDER BY seq LIMIT ? OFFSET ?";
  // Rotation only, not on the ingest path: walks live patients in creation order.
  static final String NOT_WRAPPED_BY =
      "SELECT "
          + COLUMNS
          + " FROM patients WHERE shredded_millis IS NULL"
          + " AND wrapped_key_id IS NOT NULL"
          + " AND (wrapped_key_id <> ? OR wrapped_key_version <> ?) ORDER BY seq LIMIT ?";
  static final String COUNT_WRAPPED_BY =
      "SELECT count(*) FROM patients WHERE wrapped_key_id = ? AND wrapped_key_version = ?"
          + " AND shredded_millis IS NULL";
  static final String SHRED =
      "UPDATE patients SET identity_token = NULL, wrapped_key_id = NULL,"
          + " wrapped_key_version = NULL, wrapped_key_ciphertext = NULL, phi_sealed = NULL,"
          + " shredded_millis = coalesce(shredded_millis, ?) WHERE patient_id = ?";

  private final SqlRunner sql;

  PatientTable(SqlRunner sql) {
    this.sql = sql;
  }

  Optional<PatientRow> byIdentity(byte[] identityToken) {
    return sql.first(
        "patientByIdentity", BY_IDENTITY, s -> s.setBytes(1, identityToken), PatientTable::map);
  }

  Optional<PatientRow> byId(String patientId) {
    return sql.first("patient", BY_ID, s -> s.setString(1, patientId), PatientTable::map);
  }

  void insert(PatientRow row) {
    sql.update(
        "insertPatient",
        INSERT,
        s -> {
          s.setString(1, row.patientId());
          s.setBytes(2, row.identityToken());
          Columns.setWrappedKey(s, 3, row.wrappedKey());
          Columns.setBytes(s, 6, row.phiSealed());
          s.setBoolean(7, row.identityConflict());
          Columns.setInstant(s, 8, row.created());
          Columns.setInstant(s, 9, row.shredded());
        });
  }

  int updateKey(String patientId, WrappedKey wrapped) {
    return sql.update(
        "updatePatientKey",
        UPDATE_KEY,
        s -> {
          Columns.setWrappedKey(s, 1, Optional.of(wrapped));
          s.setString(4, patientId);
        });
  }

  int updatePhi(String patientId, byte[] phiSealed) {
    return sql.update(
        "updatePatientPhi",
        UPDATE_PHI,
        s -> {
          s.setBytes(1, phiSealed);
          s.setString(2, patientId);
        });
  }

  int markIdentityConflict(String patientId) {
    return sql.update(
        "markIdentityConflict",
        MARK_CONFLICT,
        s -> {
          s.setBoolean(1, true);
          s.setString(2, patientId);
        });
  }

  List<PatientRow> page(int offset, int limit) {
    return sql.list(
        "patients",
        PAGE,
        s -> {
          s.setInt(1, limit);
          s.setInt(2, offset);
        },
        PatientTable::map);
  }

  List<PatientRow> notWrappedBy(KeyVersion version, int limit) {
    return sql.list(
        "patientsNotWrappedBy",
        NOT_WRAPPED_BY,
        s -> {
          s.setString(1, version.keyId());
          s.setInt(2, version.version());
          s.setInt(3, limit);
        },
        PatientTable::map);
  }

  long countWrappedBy(KeyVersion version) {
    return sql.one(
        "countPatientsWrappedBy",
        COUNT_WRAPPED_BY,
        s -> {
          s.setString(1, version.keyId());
          s.setInt(2, version.version());
        },
        r -> r.getLong(1));
  }

  int shred(String patientId, Instant when) {
    return sql.update(
        "shredPatient",
        SHRED,
        s -> {
          Columns.setInstant(s, 1, when);
          s.setString(2, patientId);
        });
  }

  private static PatientRow map(ResultSet r) throws SQLException {
    return new PatientRow(
        r.getString("patient_id"),
        Columns.bytes(r, "identity_token"),
        Columns.wrappedKey(r),
        Columns.optionalBytes(r, "phi_sealed"),
        r.getBoolean("identity_conflict"),
        Columns.instant(r, "created_millis"),
        Columns.optionalInstant(r, "shredded_millis"));
  }
}
