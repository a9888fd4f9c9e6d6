-- Staging tables for one ingest run (ingest/pipeline/collector.ts), TEMP: private to the writer
-- connection, created and dropped inside the run's transaction. `rec` numbers the source records
-- of the run in source order; timestamps are UTC epoch ms. The collector appends packed batches
-- to stg_chunks; stage_unpack.sql fills the typed tables from them.
CREATE OR REPLACE TEMP TABLE stg_chunks (tbl VARCHAR, chunk VARCHAR);
CREATE OR REPLACE TEMP TABLE stg_events (
  rec INTEGER, ord INTEGER, event_id VARCHAR, activity VARCHAR, ts_ms DOUBLE, ts_precision VARCHAR,
  hdr VARCHAR, user_id VARCHAR, user_type VARCHAR, amount DOUBLE, currency VARCHAR, attrs VARCHAR,
  source_file VARCHAR, source_key VARCHAR
);
CREATE OR REPLACE TEMP TABLE stg_objects (
  rec INTEGER, object_id VARCHAR, object_type VARCHAR, attrs VARCHAR, source_key VARCHAR, key_sig UINTEGER
);
CREATE OR REPLACE TEMP TABLE stg_changes (
  rec INTEGER, object_id VARCHAR, ts_ms DOUBLE, hdr VARCHAR, field VARCHAR, old_value VARCHAR,
  new_value VARCHAR, event_id VARCHAR
);
-- own: the record itself emitted the object(s), so they exist.
CREATE OR REPLACE TEMP TABLE stg_event_object (rec INTEGER, event_id VARCHAR, object_id VARCHAR, qualifier VARCHAR, own BOOLEAN);
CREATE OR REPLACE TEMP TABLE stg_object_object (rec INTEGER, source_id VARCHAR, target_id VARCHAR, qualifier VARCHAR, own BOOLEAN);
CREATE OR REPLACE TEMP TABLE stg_aliases (rec INTEGER, alias VARCHAR, target VARCHAR);
CREATE OR REPLACE TEMP TABLE stg_headers (rec INTEGER, hdr VARCHAR, ts_ms DOUBLE, user_id VARCHAR, user_type VARCHAR, attrs VARCHAR);
CREATE OR REPLACE TEMP TABLE stg_requires (
  rec INTEGER, kind VARCHAR, ref VARCHAR, field VARCHAR, reason VARCHAR, file VARCHAR, row_no INTEGER,
  record_key VARCHAR, raw VARCHAR
);
CREATE OR REPLACE TEMP TABLE stg_rejects (
  rec INTEGER, file VARCHAR, row_no INTEGER, record_key VARCHAR, field VARCHAR, reason VARCHAR, raw VARCHAR
);
