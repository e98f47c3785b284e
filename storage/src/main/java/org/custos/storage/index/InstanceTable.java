package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.custos.archive.blob.BlobId;
import org.custos.archive.index.InstanceRow;

/**
 * The {@code instances} table: every stored version. The database keeps (uid_token, version) unique
 * and at most one version current per uid_token, so a new current version must come after {@link
 * #supersede} of the old one in the same transaction.
 */
final class InstanceTable {
  static final String COLUMNS =
      "instance_id, series_id, study_id, patient_id, uid_token, version, is_current, blob_id,"
          + " stored_size_bytes, stored_seal, pixel_seal, pixel_seal_kind, identity_seal,"
          + " sop_class_uid, transfer_syntax_uid, preamble_zeroed, source, metadata_sealed,"
          + " stored_millis";
  static final String VERSIONS =
      "SELECT " + COLUMNS + " FROM instances WHERE uid_token = ? ORDER BY version";
  static final String BY_ID = "SELECT " + COLUMNS + " FROM instances WHERE instance_id = ?";
  static final String INSERT =
      "INSERT INTO instances ("
          + COLUMNS
          + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String SUPERSEDE = "UPDATE instances SET is_current = ? WHERE instance_id = ?";
  static final String DELETE = "DELETE FROM instances WHERE uid_token = ?";
  static final String OF_SERIES =
      "SELECT " + COLUMNS + " FROM instances WHERE series_id = ? AND is_current ORDER BY seq";
  static final String OF_STUDY =
      "SELECT " + COLUMNS + " FROM instances WHERE study_id = ? AND is_current ORDER BY seq";
  static final String ALL = "SELECT " + COLUMNS + " FROM instances ORDER BY seq";
  static final String COUNT = "SELECT count(*) FROM instances";
  static final String BLOB_REFERENCED = "SELECT 1 FROM instances WHERE blob_id = ?";
  // By the instance's own patient: an instance filed under another patient's study (an identity
  // conflict) is shredded with its patient, not with the study's.
  static final String SHRED = "UPDATE instances SET uid_token = NULL, metadata_sealed = ? WHERE patient_id = ?";

  private final SqlRunner sql;

  InstanceTable(SqlRunner sql) {
    this.sql = sql;
  }

  List<InstanceRow> versions(byte[] uidToken) {
    return sql.list("instanceVersions", VERSIONS, s -> s.setBytes(1, uidToken), InstanceTable::map);
  }

  Optional<InstanceRow> byId(String instanceId) {
    return sql.first("instance", BY_ID, s -> s.setString(1, instanceId), InstanceTable::map);
  }

  void insert(InstanceRow row) {
    sql.update(
        "insertInstance",
        INSERT,
        s -> {
          s.setString(1, row.instanceId());
          s.setString(2, row.seriesId());
          s.setString(3, row.studyId());
          s.setString(4, row.patientId());
          s.setBytes(5, row.uidToken());
          s.setInt(6, row.version());
          s.setBoolean(7, row.current());
          s.setString(8, row.blobId().value());
          s.setLong(9, row.storedSizeBytes());
          s.setBytes(10, row.storedSeal());
          Columns.setBytes(s, 11, row.pixelSeal());
          s.setString(12, row.pixelSealKind());
          s.setBytes(13, row.identitySeal());
          s.setString(14, row.sopClassUid());
          s.setString(15, row.transferSyntaxUid());
          s.setBoolean(16, row.preambleZeroed());
          s.setString(17, row.source());
          s.setBytes(18, row.metadataSealed());
          Columns.setInstant(s, 19, row.stored());
        });
  }

  int supersede(String instanceId) {
    return sql.update(
        "supersede",
        SUPERSEDE,
        s -> {
          s.setBoolean(1, false);
          s.setString(2, instanceId);
        });
  }

  void delete(byte[] uidToken) {
    sql.update("deleteInstance", DELETE, s -> s.setBytes(1, uidToken));
  }

  List<InstanceRow> ofSeries(String seriesId) {
    return sql.list(
        "instancesOfSeries", OF_SERIES, s -> s.setString(1, seriesId), InstanceTable::map);
  }

  List<InstanceRow> ofStudy(String studyId) {
    return sql.list("instancesOfStudy", OF_STUDY, s -> s.setString(1, studyId), InstanceTable::map);
  }

  void forEach(Consumer<InstanceRow> action) {
    sql.each("forEachInstance", ALL, SqlRunner.Binder.NONE, r -> action.accept(map(r)));
  }

  long count() {
    return sql.one("countInstances", COUNT, SqlRunner.Binder.NONE, r -> r.getLong(1));
  }

  boolean blobReferenced(BlobId blobId) {
    return sql.first(
            "blobReferenced", BLOB_REFERENCED, s -> s.setString(1, blobId.value()), r -> true)
        .isPresent();
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

  static InstanceRow map(ResultSet r) throws SQLException {
    return new InstanceRow(
        r.getString("instance_id"),
        r.getString("series_id"),
        r.getString("study_id"),
        r.getString("patient_id"),
        Columns.bytes(r, "uid_token"),
        r.getInt("version"),
        r.getBoolean("is_current"),
        new BlobId(r.getString("blob_id")),
        r.getLong("stored_size_bytes"),
        Columns.bytes(r, "stored_seal"),
        Columns.optionalBytes(r, "pixel_seal"),
        r.getString("pixel_seal_kind"),
        Columns.bytes(r, "identity_seal"),
        r.getString("sop_class_uid"),
        r.getString("transfer_syntax_uid"),
        r.getBoolean("preamble_zeroed"),
        r.getString("source"),
        Columns.bytes(r, "metadata_sealed"),
        Columns.instant(r, "stored_millis"));
  }
}
