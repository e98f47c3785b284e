package org.custos.archive.access;

/** What kind of read an {@link Access} entry records. */
public enum ReadAction {
  /** Instance bytes (WADO-RS instance/series/study, export). */
  RETRIEVE,
  /** DICOM JSON metadata. */
  METADATA,
  /** Rendered images, thumbnails, frames and bulk data. */
  RENDER,
  /** Search results (QIDO-RS, ls) that show a study's attributes. */
  SEARCH,
  /** A receipt handed out for the patient. */
  RECEIPT
}
