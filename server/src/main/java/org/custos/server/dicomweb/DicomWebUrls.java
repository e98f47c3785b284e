package org.custos.server.dicomweb;

import java.net.URI;
import java.util.Objects;

/**
 * The URLs responses carry (RetrieveURL, BulkDataURI, the Warning header's service): absolute,
 * under the DICOMweb root the clients use, e.g. {@code https://pacs.example/dicom-web}. Absolute
 * because a viewer on another origin resolves a relative BulkDataURI against its own.
 */
public record DicomWebUrls(String root) {
  public DicomWebUrls {
    Objects.requireNonNull(root, "root");
    URI uri = URI.create(root);
    if (!uri.isAbsolute() || uri.getQuery() != null || uri.getFragment() != null || root.endsWith("/")) {
      throw new IllegalArgumentException("the DICOMweb root must be an absolute URL without query, fragment or "
          + "trailing slash, e.g. https://host/dicom-web; got " + root);
    }
  }

  public String study(String studyUid) {
    return root + "/studies/" + studyUid;
  }

  public String series(String studyUid, String seriesUid) {
    return study(studyUid) + "/series/" + seriesUid;
  }

  public String instance(String studyUid, String seriesUid, String sopInstanceUid) {
    return series(studyUid, seriesUid) + "/instances/" + sopInstanceUid;
  }

  /** The bulk data resource of one element of an instance; {@code path} as in {@code BulkSite.path()}. */
  public String bulkData(String studyUid, String seriesUid, String sopInstanceUid, String path) {
    return instance(studyUid, seriesUid, sopInstanceUid) + "/bulkdata/" + path;
  }
}
