package org.custos.storage.index;

import java.util.List;
import org.custos.crypto.BlindIndexDomain;

/**
 * The {@code blind_tokens} table: exact-match search keys (HMAC-SHA256 tokens) of patients,
 * studies, series and instances, by owner id. Adding a token twice is a no-op.
 */
final class TokenTable {
  static final String INSERT =
      "INSERT INTO blind_tokens (owner_id, domain, token) VALUES (?, ?, ?)"
          + " ON CONFLICT (domain, token, owner_id) DO NOTHING";
  static final String OWNERS =
      "SELECT owner_id FROM blind_tokens WHERE domain = ? AND token = ? ORDER BY seq";
  static final String DELETE_OF_OWNER = "DELETE FROM blind_tokens WHERE owner_id = ?";

  /** Tokens of a patient and of everything filed under it (studies, series, instances). */
  static final String DELETE_OF_PATIENT =
      "DELETE FROM blind_tokens WHERE owner_id IN (SELECT ?"
          + " UNION ALL SELECT study_id FROM studies WHERE patient_id = ?"
          + " UNION ALL SELECT s.series_id FROM series s"
          + "   JOIN studies t ON t.study_id = s.study_id WHERE t.patient_id = ?"
          + " UNION ALL SELECT i.instance_id FROM instances i"
          + "   JOIN studies t ON t.study_id = i.study_id WHERE t.patient_id = ?)";

  private final SqlRunner sql;

  TokenTable(SqlRunner sql) {
    this.sql = sql;
  }

  void add(String ownerId, BlindIndexDomain domain, byte[] token) {
    sql.update(
        "addToken",
        INSERT,
        s -> {
          s.setString(1, ownerId);
          s.setString(2, domain.name());
          s.setBytes(3, token);
        });
  }

  List<String> owners(BlindIndexDomain domain, byte[] token) {
    return sql.list(
        "ownersOf",
        OWNERS,
        s -> {
          s.setString(1, domain.name());
          s.setBytes(2, token);
        },
        r -> r.getString(1));
  }

  void deleteOfOwner(String ownerId) {
    sql.update("deleteTokens", DELETE_OF_OWNER, s -> s.setString(1, ownerId));
  }

  void deleteOfPatient(String patientId) {
    sql.update(
        "shredPatient",
        DELETE_OF_PATIENT,
        s -> {
          for (int i = 1; i <= 4; i++) {
            s.setString(i, patientId);
          }
        });
  }
}
