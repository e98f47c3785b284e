package org.custos.archive.ingest;

import java.util.Locale;
import java.util.Objects;
import org.custos.dicom.DataSet;
import org.custos.dicom.dictionary.Tags;

/**
 * Who an instance belongs to (PS3.3 C.7.1.1). A patient is identified by Patient ID and Issuer of
 * Patient ID together: the same ID from two issuers is two people. Without a Patient ID the name
 * and birth date identify (and the instance is flagged in the receipt). Prints nothing but
 * whether fields are present.
 */
public record PatientIdentity(String patientId, String issuer, String name, String birthDate, String sex) {
  public PatientIdentity {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(sex, "sex");
  }

  public static PatientIdentity of(DataSet dataSet) {
    return new PatientIdentity(text(dataSet, Tags.PatientID), text(dataSet, Tags.IssuerOfPatientID),
        text(dataSet, Tags.PatientName), text(dataSet, Tags.PatientBirthDate), text(dataSet, Tags.PatientSex));
  }

  private static String text(DataSet dataSet, int tag) {
    return String.join("\\", dataSet.getStrings(tag)).strip();
  }

  public boolean hasPatientId() {
    return !patientId.isEmpty();
  }

  /** The text the identity blind token is computed from (PS3.3: ID within its issuer). */
  public String identityKey() {
    return hasPatientId()
        ? "id\0" + issuer + "\0" + patientId
        : "noid\0" + normalisedName() + "\0" + birthDate;
  }

  /** Upper case, components and spaces collapsed, for matching names across systems. */
  public String normalisedName() {
    return normaliseName(name);
  }

  public static String normaliseName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('=', ' ').replace('^', ' ').replaceAll("\\s+", " ").strip();
  }

  /** Whether name or birth date differ (an identity conflict under the same ID and issuer). */
  public boolean conflictsWith(PatientIdentity other) {
    return !normalisedName().equals(other.normalisedName()) || !birthDate.equals(other.birthDate);
  }

  @Override
  public String toString() {
    return "PatientIdentity[id " + (hasPatientId() ? "present" : "absent") + ", issuer "
        + (issuer.isEmpty() ? "absent" : "present") + "]";
  }
}
