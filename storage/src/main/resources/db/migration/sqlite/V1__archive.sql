-- Custos index, schema 1, SQLite. Described column by column in docs/formats/index.md.
-- *_sealed: ciphertext under the patient key. *_token: HMAC-SHA256 blind-index tokens.
-- *_millis: epoch milliseconds. Booleans are 0/1. STRICT tables reject values of the wrong type.
-- seq columns give creation order; AUTOINCREMENT never reuses a number after a delete.

CREATE TABLE settings (
  name  TEXT NOT NULL PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;

CREATE TABLE patients (
  seq                    INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id             TEXT NOT NULL UNIQUE,
  identity_token         BLOB UNIQUE,
  wrapped_key_id         TEXT,
  wrapped_key_version    INTEGER,
  wrapped_key_ciphertext BLOB,
  phi_sealed             BLOB,
  identity_conflict      INTEGER NOT NULL CHECK (identity_conflict IN (0, 1)),
  created_millis         INTEGER NOT NULL,
  shredded_millis        INTEGER,
  CHECK ((wrapped_key_id IS NULL) = (wrapped_key_version IS NULL)
     AND (wrapped_key_id IS NULL) = (wrapped_key_ciphertext IS NULL)),
  CHECK (shredded_millis IS NOT NULL OR identity_token IS NOT NULL),
  CHECK (shredded_millis IS NULL
      OR (identity_token IS NULL AND wrapped_key_id IS NULL AND phi_sealed IS NULL))
) STRICT;
-- Key rotation: countPatientsWrappedBy, patientsNotWrappedBy.
CREATE INDEX patients_wrapped_by ON patients (wrapped_key_id, wrapped_key_version);

-- Exact-match search keys of patients, studies, series and instances (owner_id is their id).
CREATE TABLE blind_tokens (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id TEXT NOT NULL,
  domain   TEXT NOT NULL,
  token    BLOB NOT NULL,
  UNIQUE (domain, token, owner_id)
) STRICT;
CREATE INDEX blind_tokens_owner ON blind_tokens (owner_id);

CREATE TABLE studies (
  seq               INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id          TEXT NOT NULL UNIQUE,
  patient_id        TEXT NOT NULL REFERENCES patients (patient_id),
  uid_token         BLOB UNIQUE,
  attributes_sealed BLOB NOT NULL,
  study_date        TEXT,
  created_millis    INTEGER NOT NULL
) STRICT;
CREATE INDEX studies_patient ON studies (patient_id);

CREATE TABLE series (
  seq               INTEGER PRIMARY KEY AUTOINCREMENT,
  series_id         TEXT NOT NULL UNIQUE,
  study_id          TEXT NOT NULL REFERENCES studies (study_id),
  uid_token         BLOB UNIQUE,
  modality          TEXT NOT NULL,
  attributes_sealed BLOB NOT NULL,
  created_millis    INTEGER NOT NULL
) STRICT;
CREATE INDEX series_study ON series (study_id);

CREATE TABLE instances (
  seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id         TEXT NOT NULL UNIQUE,
  series_id           TEXT NOT NULL REFERENCES series (series_id),
  study_id            TEXT NOT NULL REFERENCES studies (study_id),
  patient_id          TEXT NOT NULL REFERENCES patients (patient_id),
  uid_token           BLOB,
  version             INTEGER NOT NULL CHECK (version >= 1),
  is_current          INTEGER NOT NULL CHECK (is_current IN (0, 1)),
  blob_id             TEXT NOT NULL UNIQUE,
  stored_size_bytes   INTEGER NOT NULL CHECK (stored_size_bytes >= 0),
  stored_seal         BLOB NOT NULL,
  pixel_seal          BLOB,
  pixel_seal_kind     TEXT NOT NULL,
  identity_seal       BLOB NOT NULL,
  sop_class_uid       TEXT NOT NULL,
  transfer_syntax_uid TEXT NOT NULL,
  preamble_zeroed     INTEGER NOT NULL CHECK (preamble_zeroed IN (0, 1)),
  source              TEXT NOT NULL,
  metadata_sealed     BLOB NOT NULL,
  stored_millis       INTEGER NOT NULL,
  -- Also the index of instanceVersions and deleteInstance (uid_token leads).
  UNIQUE (uid_token, version)
) STRICT;
-- At most one current version per SOP Instance UID.
CREATE UNIQUE INDEX instances_one_current ON instances (uid_token) WHERE is_current;
CREATE INDEX instances_series ON instances (series_id);
CREATE INDEX instances_study ON instances (study_id);
CREATE INDEX instances_patient ON instances (patient_id);

CREATE TABLE events (
  sequence   INTEGER PRIMARY KEY AUTOINCREMENT,
  at_millis  INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  detail     TEXT NOT NULL
) STRICT;
CREATE INDEX events_kind ON events (kind, sequence);
CREATE INDEX events_subject ON events (subject_id, sequence);
