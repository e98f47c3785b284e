package org.custos.server.dicomweb.qido;

import java.util.Optional;
import org.custos.server.dicomweb.Uids;

/**
 * The path part of a QIDO-RS search: {@code /studies}, {@code /series} and {@code /instances} are
 * unscoped; {@code /studies/{study}/series} and {@code /studies/{study}/instances} are scoped to a
 * study; {@code /studies/{study}/series/{series}/instances} to a series. UIDs are validated (a 400
 * naming the path segment).
 */
public record QueryScope(Optional<String> studyUid, Optional<String> seriesUid) {
  public QueryScope {
    studyUid.ifPresent(uid -> Uids.require(uid, "study"));
    seriesUid.ifPresent(uid -> Uids.require(uid, "series"));
    if (seriesUid.isPresent() && studyUid.isEmpty()) {
      throw new IllegalArgumentException("a series scope needs its study");
    }
  }

  public static QueryScope all() {
    return new QueryScope(Optional.empty(), Optional.empty());
  }

  public static QueryScope study(String studyUid) {
    return new QueryScope(Optional.of(studyUid), Optional.empty());
  }

  public static QueryScope series(String studyUid, String seriesUid) {
    return new QueryScope(Optional.of(studyUid), Optional.of(seriesUid));
  }

  @Override
  public String toString() {
    return "QueryScope[" + (seriesUid.isPresent() ? "series" : studyUid.isPresent() ? "study" : "all") + "]";
  }
}
