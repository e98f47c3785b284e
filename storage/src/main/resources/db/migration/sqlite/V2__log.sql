-- Custos index, schema 2, SQLite: the transparency log (docs/formats/index.md, log-entry.md).

-- The number of leaves; one row. Every append transaction updates it first, which serialises
-- appends (SQLite has one writer anyway; PostgreSQL takes the row lock).
CREATE TABLE log_state (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  size INTEGER NOT NULL CHECK (size >= 0)
) STRICT;
INSERT INTO log_state (id, size) VALUES (1, 0);

-- RFC 9162 complete-subtree hashes: node (level, idx) covers leaves [idx*2^level, (idx+1)*2^level);
-- level 0 holds the leaf hashes. A node is written once, when its subtree completes.
CREATE TABLE log_nodes (
  level INTEGER NOT NULL CHECK (level >= 0 AND level < 64),
  idx   INTEGER NOT NULL CHECK (idx >= 0),
  hash  BLOB NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
) STRICT, WITHOUT ROWID;
-- Inclusion proof by leaf hash.
CREATE INDEX log_leaf_hash ON log_nodes (hash) WHERE level = 0;

-- The entries behind the leaves, sealed (salt || canonical entry) under the owner's patient key or
-- the log entry key. entry_hash = SHA-256(salt || entry) is not public (the leaf hash is).
CREATE TABLE log_entries (
  leaf_index     INTEGER PRIMARY KEY CHECK (leaf_index >= 0),
  entry_hash     BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32),
  owner_id       TEXT,
  sealed_by      TEXT NOT NULL CHECK (sealed_by IN ('PATIENT_KEY', 'LOG_KEY')),
  entry_sealed   BLOB NOT NULL,
  created_millis INTEGER NOT NULL
) STRICT;
CREATE INDEX log_entries_owner ON log_entries (owner_id, leaf_index);

-- The entry hash at the head of each owner's hash chain.
CREATE TABLE log_heads (
  owner_id   TEXT NOT NULL PRIMARY KEY,
  entry_hash BLOB NOT NULL CHECK (length(entry_hash) = 32)
) STRICT;

-- Signed checkpoints (C2SP signed note text) and the witness cosignatures they received.
CREATE TABLE log_checkpoints (
  size           INTEGER NOT NULL PRIMARY KEY,
  signed_note    TEXT NOT NULL,
  created_millis INTEGER NOT NULL
) STRICT;

CREATE TABLE log_cosignatures (
  size            INTEGER NOT NULL REFERENCES log_checkpoints (size),
  witness         TEXT NOT NULL,
  signature_line  TEXT NOT NULL,
  received_millis INTEGER NOT NULL,
  PRIMARY KEY (size, witness)
) STRICT;
