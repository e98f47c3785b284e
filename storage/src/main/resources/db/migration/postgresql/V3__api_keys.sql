-- Custos index, schema 3, PostgreSQL: API keys (docs/formats/index.md). V2 belongs to the log.
-- secret_hash: HMAC-SHA256 of "<key_id>:<secret>" under the blind-index key (never the secret).
-- scopes: space-separated. *_millis: epoch milliseconds; NULL = never expires / not revoked.

CREATE TABLE api_keys (
  seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_id         TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  scopes         TEXT NOT NULL,
  secret_hash    BYTEA NOT NULL CHECK (octet_length(secret_hash) = 32),
  created_millis BIGINT NOT NULL,
  expires_millis BIGINT,
  revoked_millis BIGINT
);
