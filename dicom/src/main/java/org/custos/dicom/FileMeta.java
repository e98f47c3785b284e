package org.custos.dicom;

import java.util.Optional;

/**
 * PS3.10 7.1 File Meta Information: the optional preamble and the group 0002 elements.
 *
 * @param preamble the 128-byte preamble, empty when the file had none (bare "DICM" prefix)
 * @param elements the group 0002 elements, (0002,0000) included when present
 * @param transferSyntax the transfer syntax of the data set that follows
 */
public record FileMeta(Optional<Preamble> preamble, DataSet elements, TransferSyntax transferSyntax) {
  public FileMeta {
    if (preamble == null || elements == null || transferSyntax == null) {
      throw new IllegalArgumentException("file meta needs preamble (may be empty), elements and transfer syntax");
    }
  }

  public boolean hasGroupLength() {
    return elements.contains(Tag.FILE_META_GROUP_LENGTH);
  }

  /** (0002,0002) Media Storage SOP Class UID. */
  public Optional<String> mediaStorageSopClassUid() {
    return elements.getString(0x00020002);
  }

  /** (0002,0003) Media Storage SOP Instance UID. */
  public Optional<String> mediaStorageSopInstanceUid() {
    return elements.getString(0x00020003);
  }
}
