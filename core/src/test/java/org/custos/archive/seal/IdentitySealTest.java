package org.custos.archive.seal;

import static org.assertj.core.api.Assertions.assertThat;

import org.custos.archive.SharedCorpus;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.Test;

class IdentitySealTest {
  private static DataSet mr() {
    return DicomReader.read(SharedCorpus.file("valid/pydicom/MR_small.dcm"), ReadOptions.DEFAULT).dataSet();
  }

  @Test
  void theSameIdentityInAnotherTransferSyntax_hasTheSameSeal() {
    DataSet bigEndian = DicomReader.read(SharedCorpus.file("valid/pydicom/MR_small_bigendian.dcm"), ReadOptions.DEFAULT)
        .dataSet();

    assertThat(IdentitySeal.of(bigEndian)).isEqualTo(IdentitySeal.of(mr()));
  }

  @Test
  void aRelabelledPatientOrStudy_changesTheSeal() {
    byte[] original = IdentitySeal.of(mr());

    for (int tag : IdentitySeal.TAGS) {
      DataSet relabelled = Edit.text(mr(), tag, vrOf(tag), valueFor(tag));
      assertThat(IdentitySeal.of(relabelled)).as("tag %08X", tag).isNotEqualTo(original);
    }
  }

  @Test
  void padding_doesNotChangeTheSeal() {
    DataSet padded = Edit.text(mr(), Tags.PatientID, Vr.LO, mr().getString(Tags.PatientID).orElse("") + " ");

    assertThat(IdentitySeal.of(padded)).isEqualTo(IdentitySeal.of(mr()));
  }

  private static Vr vrOf(int tag) {
    return org.custos.dicom.dictionary.DicomDictionary.vrOf(tag);
  }

  private static String valueFor(int tag) {
    Vr vr = vrOf(tag);
    return switch (vr) {
      case UI -> "1.2.3.4.5.6.7.8.9";
      case DA -> "19000101";
      case TM -> "235959";
      case IS -> "987";
      case CS -> "ZZ";
      default -> "CHANGED^VALUE";
    };
  }
}
