package org.custos.bench.dicomweb;

import java.nio.file.Path;

/** A DICOM file on disk and the UIDs it carries, which name it in WADO-RS paths. */
public record StoredFile(Path file, long sizeBytes, String studyUid, String seriesUid, String sopUid) {
  /** {@code /studies/{s}/series/{se}/instances/{i}}. */
  public String instancePath() {
    return "/studies/" + studyUid + "/series/" + seriesUid + "/instances/" + sopUid;
  }
}
