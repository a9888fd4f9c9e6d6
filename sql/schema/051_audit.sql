-- The audit trail (issue 7, audit/): append-only, one row per thing someone did. Each entry's hash
-- is sha256 over its canonical text (seq, at, actor, action, target, detail) and the previous
-- entry's hash, so changing, deleting or reordering an entry breaks the chain (audit/verify.ts).
-- Only audit/append.ts writes it, and only with INSERT. `recorded_at` (the entry's `at`; AT is an SQL keyword) is ISO-8601 text (UTC, milliseconds)
-- so the hashed text and the stored value are the same characters.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  recorded_at VARCHAR NOT NULL,         -- the entry's "at"
  actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  target VARCHAR,
  detail VARCHAR NOT NULL,              -- canonical JSON (keys sorted)
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL
);
