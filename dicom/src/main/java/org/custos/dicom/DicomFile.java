package org.custos.dicom;

import java.util.List;
import java.util.Optional;

/**
 * A parsed DICOM input: file meta (absent for a bare data set), the data set, the transfer
 * syntax it was read in, where the data set started, and any warnings.
 *
 * @param fileMeta PS3.10 file meta information; empty for a bare data set
 * @param dataSet the data set; bulk values may be {@link BulkRef}s into the source
 * @param transferSyntax the transfer syntax of the data set
 * @param dataSetOffset byte offset where the data set starts in the source
 * @param warnings tolerated irregularities, with offsets
 */
public record DicomFile(
    Optional<FileMeta> fileMeta, DataSet dataSet, TransferSyntax transferSyntax, long dataSetOffset,
    List<ParseWarning> warnings) {
  public DicomFile {
    warnings = List.copyOf(warnings);
  }
}
