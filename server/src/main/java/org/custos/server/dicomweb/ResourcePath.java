package org.custos.server.dicomweb;

import java.util.Optional;

/**
 * The UIDs of a DICOMweb resource path: {@code /studies/{study}}, {@code .../series/{series}},
 * {@code .../instances/{instance}}. Validated at construction (PS3.5 9.1: digits and dots, at
 * most 64 characters), so a malformed UID is a 400 naming the path segment; {@code toString}
 * prints the level only.
 */
public record ResourcePath(String studyUid, Optional<String> seriesUid, Optional<String> sopInstanceUid) {
  /** The depth of a resource path. */
  public enum Level {
    STUDY,
    SERIES,
    INSTANCE
  }

  public ResourcePath {
    Uids.require(studyUid, "study");
    seriesUid.ifPresent(uid -> Uids.require(uid, "series"));
    sopInstanceUid.ifPresent(uid -> Uids.require(uid, "instance"));
    if (sopInstanceUid.isPresent() && seriesUid.isEmpty()) {
      throw new IllegalArgumentException("an instance path needs its series");
    }
  }

  public static ResourcePath study(String studyUid) {
    return new ResourcePath(studyUid, Optional.empty(), Optional.empty());
  }

  public static ResourcePath series(String studyUid, String seriesUid) {
    return new ResourcePath(studyUid, Optional.of(seriesUid), Optional.empty());
  }

  public static ResourcePath instance(String studyUid, String seriesUid, String sopInstanceUid) {
    return new ResourcePath(studyUid, Optional.of(seriesUid), Optional.of(sopInstanceUid));
  }

  public Level level() {
    return sopInstanceUid.isPresent() ? Level.INSTANCE : seriesUid.isPresent() ? Level.SERIES : Level.STUDY;
  }

  @Override
  public String toString() {
    return "ResourcePath[" + level() + "]";
  }
}
