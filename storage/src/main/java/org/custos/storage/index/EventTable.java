package org.custos.storage.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.custos.archive.index.ArchiveEvent;

/** The {@code events} table; the database assigns the sequence. */
final class EventTable {
  static final String COLUMNS = "sequence, at_millis, kind, subject_id, detail";
  static final String INSERT =
      "INSERT INTO events (at_millis, kind, subject_id, detail) VALUES (?, ?, ?, ?)"
          + " RETURNING sequence";
  static final String RECENT =
      "SELECT "
          + COLUMNS
          + " FROM (SELECT "
          + COLUMNS
          + " FROM events"
          + " ORDER BY sequence DESC LIMIT ?) recent ORDER BY sequence";
  static final String RECENT_OF_KIND =
      "SELECT "
          + COLUMNS
          + " FROM (SELECT "
          + COLUMNS
          + " FROM events WHERE kind = ?"
          + " ORDER BY sequence DESC LIMIT ?) recent ORDER BY sequence";
  static final String OF_SUBJECT =
      "SELECT " + COLUMNS + " FROM events WHERE subject_id = ? ORDER BY sequence";

  private final SqlRunner sql;

  EventTable(SqlRunner sql) {
    this.sql = sql;
  }

  long insert(ArchiveEvent event) {
    return sql.one(
        "recordEvent",
        INSERT,
        s -> {
          Columns.setInstant(s, 1, event.at());
          s.setString(2, event.kind().name());
          s.setString(3, event.subjectId());
          s.setString(4, event.detail());
        },
        r -> r.getLong(1));
  }

  /** The most recent {@code limit} events (of {@code kind}), oldest first. */
  List<ArchiveEvent> recent(Optional<ArchiveEvent.Kind> kind, int limit) {
    if (kind.isEmpty()) {
      return sql.list("events", RECENT, s -> s.setInt(1, limit), EventTable::map);
    }
    return sql.list(
        "events",
        RECENT_OF_KIND,
        s -> {
          s.setString(1, kind.get().name());
          s.setInt(2, limit);
        },
        EventTable::map);
  }

  List<ArchiveEvent> ofSubject(String subjectId) {
    return sql.list("eventsOf", OF_SUBJECT, s -> s.setString(1, subjectId), EventTable::map);
  }

  private static ArchiveEvent map(ResultSet r) throws SQLException {
    return new ArchiveEvent(
        r.getLong("sequence"),
        Columns.instant(r, "at_millis"),
        ArchiveEvent.Kind.valueOf(r.getString("kind")),
        r.getString("subject_id"),
        r.getString("detail"));
  }
}
