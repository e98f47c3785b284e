package org.custos.archive.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.dictionary.Tags;

/**
 * SHA-256 over the elements that say whose image this is and which study it belongs to, so a
 * re-labelled image (moved to another patient or study) is detectable even when its pixels are
 * untouched. Canonical form (docs/formats/seals.md): the label {@code custos-identity-seal/1},
 * then for each tag of {@link #TAGS} in order: the tag (4 bytes big-endian), the number of values
 * (4 bytes), and per value its length (4 bytes) and UTF-8 bytes, values decoded through the
 * data set's character set with padding trimmed. Absent elements and elements whose values are all
 * blank count as zero values, so the seal does not depend on the encoding or the character set of the file.
 */
public final class IdentitySeal {
  /** Patient, study, series and instance identity (PS3.3 C.7.1.1, C.7.2.1, C.7.3.1, C.12.1). */
  public static final List<Integer> TAGS = List.of(
      Tags.PatientName, Tags.PatientID, Tags.IssuerOfPatientID, Tags.PatientBirthDate, Tags.PatientSex,
      Tags.StudyInstanceUID, Tags.StudyDate, Tags.StudyTime, Tags.AccessionNumber, Tags.StudyID,
      Tags.SeriesInstanceUID, Tags.Modality, Tags.SeriesNumber, Tags.SOPClassUID, Tags.SOPInstanceUID,
      Tags.InstanceNumber, Tags.InstitutionName);

  private IdentitySeal() {}

  public static byte[] of(DataSet dataSet) {
    MessageDigest digest = Sha256.newDigest();
    digest.update("custos-identity-seal/1".getBytes(StandardCharsets.US_ASCII));
    for (int tag : TAGS) {
      List<String> values = dataSet.getStrings(tag);
      if (values.stream().allMatch(String::isBlank)) {
        values = List.of();
      }
      digest.update(ByteBuffer.allocate(8).putInt(tag).putInt(values.size()).array());
      for (String value : values) {
        byte[] bytes = value.strip().getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
      }
    }
    return digest.digest();
  }
}
