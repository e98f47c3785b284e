package org.custos.crypto;

/**
 * What a blind-index token stands for. Each domain derives its own tokens (domain separation),
 * so a patient id token never equals an accession number token of the same text.
 */
public enum BlindIndexDomain {
  PATIENT_IDENTITY,
  PATIENT_ID,
  PATIENT_NAME_TOKEN,
  ACCESSION_NUMBER,
  STUDY_INSTANCE_UID,
  SERIES_INSTANCE_UID,
  SOP_INSTANCE_UID,
  STUDY_ID,
  /**
   * The keyed hash of an API key's secret (input: key id, ':', secret). Not a search key: the
   * HMAC key, kept apart from the database under the root key, acts as the pepper.
   */
  API_KEY_SECRET
}
