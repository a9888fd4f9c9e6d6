-- Ingest bookkeeping (ingest/pipeline): what was loaded, and the cross-source references.

-- Every source record that was loaded, by its record key (docs/model.md event ids for event
-- records; `<table key>#<content hash>` for snapshot rows). A record whose key is already here is
-- a duplicate: loading the same files twice changes nothing and a re-delivered webhook lands once.
CREATE TABLE ingest_records (
  log_id      VARCHAR NOT NULL,
  record_key  VARCHAR NOT NULL,
  run_id      VARCHAR NOT NULL
);

-- Names by which a source refers to an object or event it cannot spell canonically by itself:
-- `~bill:in:in_000000004567` -> `invoice:90000123` (the billing platform's invoice id),
-- `~sap:f2:90000123` -> `invoice:90000123` (a billing document known to be an F2 invoice),
-- `~sap:fi:1000:1400000001` -> `invoice:90000123` (an FI invoice item), and so on. Kept across runs
-- so a later run (a dispute webhook, a delta extract) can still resolve an earlier run's names.
CREATE TABLE object_aliases (
  log_id  VARCHAR NOT NULL,
  alias   VARCHAR NOT NULL,
  target  VARCHAR NOT NULL,
  run_id  VARCHAR NOT NULL
);
