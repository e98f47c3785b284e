package org.custos.archive.index;

import java.time.Instant;

/** One series of a study; modality is clear (not PHI), the rest sealed. */
public record SeriesRow(
    String seriesId,
    String studyId,
    byte[] uidToken,
    String modality,
    byte[] attributesSealed,
    Instant created) {

  @Override
  public String toString() {
    return "SeriesRow[" + seriesId + "]";
  }
}
