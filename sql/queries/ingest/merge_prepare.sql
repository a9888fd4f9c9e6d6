-- Step 1 of the merge: records whose references do not resolve (an unknown customer, a change item
-- without header) are rejected here, one reject per record (its first failed requirement), and
-- taken out of staging.
CREATE OR REPLACE TEMP TABLE stg_sql_rejects AS
WITH needed AS (SELECT DISTINCT ref FROM stg_requires WHERE kind = 'object'),
known_objects AS (
  SELECT object_id AS ref FROM stg_objects WHERE object_id IN (SELECT ref FROM needed)
  UNION
  SELECT object_id FROM objects
  WHERE log_id = (SELECT log_id FROM stg_run) AND object_id IN (SELECT ref FROM needed)
),
failed AS (
  SELECT q.* FROM stg_requires q
  WHERE CASE q.kind
          WHEN 'object' THEN q.ref NOT IN (SELECT ref FROM known_objects)
          ELSE q.ref NOT IN (SELECT hdr FROM stg_headers)
        END
)
SELECT * FROM failed QUALIFY row_number() OVER (PARTITION BY rec ORDER BY field, reason) = 1;

INSERT INTO stg_rejects SELECT rec, file, row_no, record_key, field, reason, raw FROM stg_sql_rejects;

DELETE FROM stg_events WHERE rec IN (SELECT rec FROM stg_sql_rejects);
DELETE FROM stg_objects WHERE rec IN (SELECT rec FROM stg_sql_rejects);
DELETE FROM stg_changes WHERE rec IN (SELECT rec FROM stg_sql_rejects);
DELETE FROM stg_event_object WHERE rec IN (SELECT rec FROM stg_sql_rejects);
DELETE FROM stg_object_object WHERE rec IN (SELECT rec FROM stg_sql_rejects);
DELETE FROM stg_aliases WHERE rec IN (SELECT rec FROM stg_sql_rejects);

CREATE OR REPLACE TEMP TABLE stg_hdr AS
SELECT DISTINCT ON (hdr) hdr, ts_ms, user_id, user_type, attrs FROM stg_headers ORDER BY hdr, rec;
