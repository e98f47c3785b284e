package org.custos.dicom.interop;

import java.util.List;

/**
 * What dcmtk made of one file: the transfer syntax it read the data set in, and the element trees
 * of the file meta and the data set.
 *
 * @param dataSetTransferSyntax the {@code xfer} of {@code <data-set>}
 * @param meta the file meta elements, empty when the file has none
 * @param dataSet the data set elements
 * @param textConverted true for {@code dcm2xml +U8} output, where character-set-sensitive text is
 *     converted to UTF-8; false for raw output, where text values are the bytes of the file
 */
record DcmtkReading(String dataSetTransferSyntax, List<DcmtkNode> meta, List<DcmtkNode> dataSet,
    boolean textConverted) {
  DcmtkReading {
    meta = List.copyOf(meta);
    dataSet = List.copyOf(dataSet);
  }
}
