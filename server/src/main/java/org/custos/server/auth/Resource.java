package org.custos.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * What a request touches: all studies, or one study (by Study Instance UID). Coarse today; the
 * access-control issue will add patients and purposes. {@code toString()} omits the UID.
 */
public record Resource(Optional<String> studyInstanceUid) {
  public Resource {
    Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
  }

  public static Resource allStudies() {
    return new Resource(Optional.empty());
  }

  public static Resource study(String studyInstanceUid) {
    return new Resource(Optional.of(studyInstanceUid));
  }

  @Override
  public String toString() {
    return studyInstanceUid.isPresent() ? "Resource[one study]" : "Resource[all studies]";
  }
}
