package org.custos.crypto;

/** A freshly generated patient key and its wrapped form to store. */
public record NewPatientKey(PatientKey key, WrappedKey wrapped) {}
