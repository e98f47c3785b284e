-- Custos index, schema 1, PostgreSQL. Described column by column in docs/formats/index.md.
-- *_sealed: ciphertext under the patient key. *_token: HMAC-SHA256 blind-index tokens.
-- *_millis: epoch milliseconds.
-- seq columns give creation order (identity columns never reuse a number).

CREATE TABLE settings (
  name  TEXT NOT NULL PRIMARY KEY,
  value BYTEA NOT NULL
);

CREATE TABLE patients (
  seq                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  patient_id             TEXT NOT NULL UNIQUE,
  identity_token         BYTEA UNIQUE,
  wrapped_key_id         TEXT,
  wrapped_key_version    INTEGER,
  wrapped_key_ciphertext BYTEA,
  phi_sealed             BYTEA,
  identity_conflict      BOOLEAN NOT NULL,
  created_millis         BIGINT NOT NULL,
  shredded_millis        BIGINT,
  CHECK ((wrapped_key_id IS NULL) = (wrapped_key_version IS NULL)
     AND (wrapped_key_id IS NULL) = (wrapped_key_ciphertext IS NULL)),
  CHECK (shredded_millis IS NOT NULL OR identity_token IS NOT NULL),
  CHECK (shredded_millis IS NULL
      OR (identity_token IS NULL AND wrapped_key_id IS NULL AND phi_sealed IS NULL))
);
-- Key rotation: countPatientsWrappedBy, patientsNotWrappedBy.
CREATE INDEX patients_wrapped_by ON patients (wrapped_key_id, wrapped_key_version);

-- Exact-match search keys of patients, studies, series and instances (owner_id is their id).
CREATE TABLE blind_tokens (
  seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id TEXT NOT NULL,
  domain   TEXT NOT NULL,
  token    BYTEA NOT NULL,
  UNIQUE (domain, token, owner_id)
);
CREATE INDEX blind_tokens_owner ON blind_tokens (owner_id);

CREATE TABLE studies (
  seq               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  study_id          TEXT NOT NULL UNIQUE,
  patient_id        TEXT NOT NULL REFERENCES patients (patient_id),
  uid_token         BYTEA UNIQUE,
  attributes_sealed BYTEA NOT NULL,
  study_date        TEXT,
  created_millis    BIGINT NOT NULL
);
CREATE INDEX studies_patient ON studies (patient_id);

CREATE TABLE series (
  seq               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  series_id         TEXT NOT NULL UNIQUE,
  study_id          TEXT NOT NULL REFERENCES studies (study_id),
  uid_token         BYTEA UNIQUE,
  modality          TEXT NOT NULL,
  attributes_sealed BYTEA NOT NULL,
  created_millis    BIGINT NOT NULL
);
CREATE INDEX series_study ON series (study_id);

CREATE TABLE instances (
  seq                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instance_id         TEXT NOT NULL UNIQUE,
  series_id           TEXT NOT NULL REFERENCES series (series_id),
  study_id            TEXT NOT NULL REFERENCES studies (study_id),
  patient_id          TEXT NOT NULL REFERENCES patients (patient_id),
  uid_token           BYTEA,
  version             INTEGER NOT NULL CHECK (version >= 1),
  is_current          BOOLEAN NOT NULL,
  blob_id             TEXT NOT NULL UNIQUE,
  stored_size_bytes   BIGINT NOT NULL CHECK (stored_size_bytes >= 0),
  stored_seal         BYTEA NOT NULL,
  pixel_seal          BYTEA,
  pixel_seal_kind     TEXT NOT NULL,
  identity_seal       BYTEA NOT NULL,
  sop_class_uid       TEXT NOT NULL,
  transfer_syntax_uid TEXT NOT NULL,
  preamble_zeroed     BOOLEAN NOT NULL,
  source              TEXT NOT NULL,
  metadata_sealed     BYTEA NOT NULL,
  stored_millis       BIGINT NOT NULL,
  -- Also the index of instanceVersions and deleteInstance (uid_token leads).
  UNIQUE (uid_token, version)
);
-- At most one current version per SOP Instance UID.
CREATE UNIQUE INDEX instances_one_current ON instances (uid_token) WHERE is_current;
CREATE INDEX instances_series ON instances (series_id);
CREATE INDEX instances_study ON instances (study_id);
CREATE INDEX instances_patient ON instances (patient_id);

CREATE TABLE events (
  sequence   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at_millis  BIGINT NOT NULL,
  kind       TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  detail     TEXT NOT NULL
);
CREATE INDEX events_kind ON events (kind, sequence);
CREATE INDEX events_subject ON events (subject_id, sequence);
