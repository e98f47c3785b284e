package org.custos.server.dicomweb;

import java.util.Objects;
import org.custos.archive.index.InstanceRow;

/**
 * A current stored instance with the UIDs of its resource path (opened from the sealed index).
 * {@code toString} names the internal instance id only.
 */
public record StoredInstance(InstanceRow row, String studyUid, String seriesUid, String sopInstanceUid) {
  public StoredInstance {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(studyUid, "studyUid");
    Objects.requireNonNull(seriesUid, "seriesUid");
    Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
  }

  @Override
  public String toString() {
    return "StoredInstance[" + row.instanceId() + "]";
  }
}
