-- Custos index, schema 3, SQLite: API keys (docs/formats/index.md). V2 belongs to the log.
-- secret_hash: HMAC-SHA256 of "<key_id>:<secret>" under the blind-index key (never the secret).
-- scopes: space-separated. *_millis: epoch milliseconds; NULL = never expires / not revoked.

CREATE TABLE api_keys (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  key_id         TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  scopes         TEXT NOT NULL,
  secret_hash    BLOB NOT NULL CHECK (length(secret_hash) = 32),
  created_millis INTEGER NOT NULL,
  expires_millis INTEGER,
  revoked_millis INTEGER
) STRICT;
