package org.custos.archive.seal;

import org.custos.dicom.DataSet;
import org.custos.dicom.Vr;

/** Test edits of data sets: replace a text element. */
final class Edit {
  private Edit() {}

  static DataSet text(DataSet dataSet, int tag, Vr vr, String value) {
    DataSet one = DataSet.builder().addText(tag, vr, value).build();
    return dataSet.toBuilder().put(one.get(tag).orElseThrow()).build();
  }
}
