-- Step 1 of the merge: find duplicate records and records whose references do not resolve, and
-- take both out of staging. Duplicates: the record key was loaded by an earlier run, or an earlier
-- record of this run has the same key (a webhook delivered twice).
CREATE OR REPLACE TEMP TABLE stg_dup AS
SELECT rec FROM stg_records
WHERE record_key IN (SELECT record_key FROM ingest_records WHERE log_id = (SELECT log_id FROM stg_run))
UNION
SELECT rec FROM (SELECT rec, min(rec) OVER (PARTITION BY record_key) AS first_rec FROM stg_records)
WHERE rec <> first_rec;

-- Unknown customer (an object that neither this run nor the store has), change item without
-- header. One reject per record: its first failed requirement.
CREATE OR REPLACE TEMP TABLE stg_sql_rejects AS
WITH failed AS (
  SELECT q.rec, q.field, q.reason, q.raw FROM stg_requires q
  WHERE q.rec NOT IN (SELECT rec FROM stg_dup)
    AND CASE q.kind
          WHEN 'object' THEN q.ref NOT IN (SELECT object_id FROM stg_objects)
                         AND q.ref NOT IN (SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run))
          ELSE q.ref NOT IN (SELECT hdr FROM stg_headers)
        END
)
SELECT rec, field, reason, raw FROM failed
QUALIFY row_number() OVER (PARTITION BY rec ORDER BY field, reason) = 1;

INSERT INTO stg_rejects
SELECT s.rec, r.file, r.row_no, regexp_replace(r.record_key, '#[0-9a-z]+$', ''), s.field, s.reason, s.raw
FROM stg_sql_rejects s JOIN stg_records r USING (rec);

CREATE OR REPLACE TEMP TABLE stg_drop AS SELECT rec FROM stg_dup UNION SELECT rec FROM stg_sql_rejects;

DELETE FROM stg_records WHERE rec IN (SELECT rec FROM stg_drop);
DELETE FROM stg_events WHERE rec IN (SELECT rec FROM stg_drop);
DELETE FROM stg_objects WHERE rec IN (SELECT rec FROM stg_drop);
DELETE FROM stg_changes WHERE rec IN (SELECT rec FROM stg_drop);
DELETE FROM stg_event_object WHERE rec IN (SELECT rec FROM stg_drop);
DELETE FROM stg_object_object WHERE rec IN (SELECT rec FROM stg_drop);
DELETE FROM stg_aliases WHERE rec IN (SELECT rec FROM stg_sql_rejects);

-- Header records (CDHDR) stay even when duplicate: a new change item may still need its header.
CREATE OR REPLACE TEMP TABLE stg_hdr AS
SELECT DISTINCT ON (hdr) hdr, ts_ms, user_id, user_type, attrs FROM stg_headers ORDER BY hdr, rec;
