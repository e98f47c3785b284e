package org.custos.crypto;

/** Finds the (unwrapped) patient key a blob header names. */
@FunctionalInterface
public interface PatientKeyResolver {
  /** @throws KeyNotFoundException when the patient key is unknown or was shredded */
  PatientKey resolve(String patientKeyId);
}
