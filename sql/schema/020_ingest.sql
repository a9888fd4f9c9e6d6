-- Ingest bookkeeping (ingest/pipeline): names by which a source refers to an object or event it
-- cannot spell canonically by itself, e.g. `~~bill:in:in_000000004567` -> `invoice:90000123` (the
-- billing platform's invoice id), `~sap:f2:90000123` -> `invoice:90000123` (a billing document
-- known to be an F2 invoice), `~sap:fi:1000:1400000001` -> `invoice:90000123` (an FI invoice
-- item). Kept across runs so a later run (a dispute webhook, a delta extract) can still resolve
-- an earlier run's names.
CREATE TABLE object_aliases (
  log_id  VARCHAR NOT NULL,
  alias   VARCHAR NOT NULL,
  target  VARCHAR NOT NULL,
  run_id  VARCHAR NOT NULL
);
