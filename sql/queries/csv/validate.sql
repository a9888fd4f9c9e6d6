-- Checks every mapped row of csv_input (built by ingest/csv/read.ts: row_no, case_id, activity,
-- ts_raw, ts, start_raw, start_ts, resource, attrs) and names the first failing field of each bad
-- row. Timestamps outside 1900–2199 are taken as mis-parsed (e.g. epoch ms read as seconds).
CREATE OR REPLACE TEMP TABLE csv_rows AS
SELECT i.*,
  CASE WHEN i.case_id IS NULL THEN m.f_case
       WHEN i.activity IS NULL THEN m.f_activity
       WHEN i.ts_raw IS NULL OR i.ts IS NULL OR year(i.ts) NOT BETWEEN 1900 AND 2199 THEN m.f_ts
       WHEN i.start_raw IS NOT NULL AND (i.start_ts IS NULL OR year(i.start_ts) NOT BETWEEN 1900 AND 2199) THEN m.f_start
       WHEN i.start_ts > i.ts THEN m.f_start
  END AS reject_field,
  CASE WHEN i.case_id IS NULL THEN 'the case id is empty'
       WHEN i.activity IS NULL THEN 'the activity is empty'
       WHEN i.ts_raw IS NULL THEN 'the timestamp is empty'
       WHEN i.ts IS NULL THEN 'the timestamp "' || left(i.ts_raw, 80) || '" is not a valid time in the format ' || m.ts_format
       WHEN year(i.ts) NOT BETWEEN 1900 AND 2199 THEN 'the timestamp "' || left(i.ts_raw, 80) || '" gives the year ' || year(i.ts) || ' (outside 1900–2199): wrong format?'
       WHEN i.start_raw IS NOT NULL AND i.start_ts IS NULL THEN 'the start timestamp "' || left(i.start_raw, 80) || '" is not a valid time in the format ' || m.ts_format
       WHEN i.start_raw IS NOT NULL AND year(i.start_ts) NOT BETWEEN 1900 AND 2199 THEN 'the start timestamp "' || left(i.start_raw, 80) || '" gives the year ' || year(i.start_ts) || ' (outside 1900–2199)'
       WHEN i.start_ts > i.ts THEN 'the start timestamp is after the timestamp'
  END AS reject_reason
FROM csv_input i CROSS JOIN csv_meta m;
