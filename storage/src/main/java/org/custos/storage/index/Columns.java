package org.custos.storage.index;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;

/**
 * How Java values map to columns: instants as epoch milliseconds (sub-millisecond precision is
 * dropped), absent optionals as NULL, a wrapped key as three columns (key id, version, ciphertext).
 * A cleared column (after a shred) reads back as an empty byte array.
 */
final class Columns {
  private static final byte[] EMPTY = new byte[0];

  private Columns() {}

  static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
    s.setLong(index, value.toEpochMilli());
  }

  static void setInstant(PreparedStatement s, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      setInstant(s, index, value.get());
    } else {
      s.setNull(index, Types.BIGINT);
    }
  }

  static void setBytes(PreparedStatement s, int index, Optional<byte[]> value) throws SQLException {
    if (value.isPresent()) {
      s.setBytes(index, value.get());
    } else {
      s.setNull(index, Types.BINARY);
    }
  }

  static void setString(PreparedStatement s, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      s.setString(index, value.get());
    } else {
      s.setNull(index, Types.VARCHAR);
    }
  }

  /** Binds three parameters from {@code index} on: key id, version, ciphertext. */
  static void setWrappedKey(PreparedStatement s, int index, Optional<WrappedKey> value)
      throws SQLException {
    if (value.isPresent()) {
      s.setString(index, value.get().wrappedBy().keyId());
      s.setInt(index + 1, value.get().wrappedBy().version());
      s.setBytes(index + 2, value.get().ciphertext());
    } else {
      s.setNull(index, Types.VARCHAR);
      s.setNull(index + 1, Types.INTEGER);
      s.setNull(index + 2, Types.BINARY);
    }
  }

  static Instant instant(ResultSet r, String column) throws SQLException {
    return Instant.ofEpochMilli(r.getLong(column));
  }

  static Optional<Instant> optionalInstant(ResultSet r, String column) throws SQLException {
    long millis = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** A NOT NULL byte column, or a cleared token column (NULL reads as empty). */
  static byte[] bytes(ResultSet r, String column) throws SQLException {
    byte[] value = r.getBytes(column);
    return value == null ? EMPTY.clone() : value;
  }

  static Optional<byte[]> optionalBytes(ResultSet r, String column) throws SQLException {
    byte[] value = r.getBytes(column);
    if (r.wasNull()) {
      return Optional.empty();
    }
    // sqlite-jdbc returns null for a zero-length BLOB that is not NULL.
    return Optional.of(value == null ? EMPTY.clone() : value);
  }

  static Optional<String> optionalString(ResultSet r, String column) throws SQLException {
    return Optional.ofNullable(r.getString(column));
  }

  static Optional<WrappedKey> wrappedKey(ResultSet r) throws SQLException {
    String keyId = r.getString("wrapped_key_id");
    if (keyId == null) {
      return Optional.empty();
    }
    KeyVersion version = new KeyVersion(keyId, r.getInt("wrapped_key_version"));
    return Optional.of(new WrappedKey(version, r.getBytes("wrapped_key_ciphertext")));
  }
}
