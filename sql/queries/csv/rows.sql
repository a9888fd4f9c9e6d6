-- Every row of csv_numbered mapped (the column slots come from the user's mapping) and checked:
-- csv_rows(k, row_no, case_id, activity, ts, start_ts, resource, attrs, reject_field, reject_reason).
-- The first failing field of a bad row is named as the user knows it ($f_case, …). Timestamps
-- outside 1900–2199 are taken as mis-parsed (e.g. epoch ms read as seconds). The start timestamp,
-- when there is one, becomes the attribute start_ts (an activity instance; docs/model.md).
-- Row numbers: $row_offset is 2 for CSV (the header is row 1), 1 for Parquet.
CREATE OR REPLACE TEMP TABLE csv_rows AS
WITH mapped AS (
  SELECT __tl_k AS k, __tl_k + $row_offset + __tl_skip AS row_no,
         nullif(trim({{case_col}}), '') AS case_id, nullif(trim({{activity_col}}), '') AS activity,
         nullif(trim({{ts_col}}), '') AS ts_raw, nullif(trim({{start_col}}), '') AS start_raw,
         nullif(trim({{resource_col}}), '') AS resource, json_object({{attr_pairs}}) AS attrs
  FROM csv_numbered
), parsed AS (
  SELECT *, csv_ts(ts_raw, $ts_format, $tz) AS ts, csv_ts(start_raw, $ts_format, $tz) AS start_ts FROM mapped
)
SELECT k, row_no::BIGINT AS row_no, case_id, activity, ts, start_ts, resource,
  CASE WHEN start_ts IS NULL THEN attrs
       ELSE json_merge_patch(attrs, json_object('start_ts', strftime(start_ts, '%Y-%m-%dT%H:%M:%S.%gZ'))) END AS attrs,
  CASE WHEN case_id IS NULL THEN $f_case
       WHEN activity IS NULL THEN $f_activity
       WHEN ts_raw IS NULL OR ts IS NULL OR year(ts) NOT BETWEEN 1900 AND 2199 THEN $f_ts
       WHEN start_raw IS NOT NULL AND (start_ts IS NULL OR year(start_ts) NOT BETWEEN 1900 AND 2199) THEN $f_start
       WHEN start_ts > ts THEN $f_start
  END::VARCHAR AS reject_field,
  CASE WHEN case_id IS NULL THEN 'the case id is empty'
       WHEN activity IS NULL THEN 'the activity is empty'
       WHEN ts_raw IS NULL THEN 'the timestamp is empty'
       WHEN ts IS NULL THEN 'the timestamp "' || left(ts_raw, 80) || '" is not a valid time in the format ' || $ts_format
       WHEN year(ts) NOT BETWEEN 1900 AND 2199 THEN 'the timestamp "' || left(ts_raw, 80) || '" gives the year ' || year(ts) || ' (outside 1900–2199): wrong format?'
       WHEN start_raw IS NOT NULL AND start_ts IS NULL THEN 'the start timestamp "' || left(start_raw, 80) || '" is not a valid time in the format ' || $ts_format
       WHEN start_raw IS NOT NULL AND year(start_ts) NOT BETWEEN 1900 AND 2199 THEN 'the start timestamp "' || left(start_raw, 80) || '" gives the year ' || year(start_ts) || ' (outside 1900–2199)'
       WHEN start_ts > ts THEN 'the start timestamp is after the timestamp'
  END AS reject_reason
FROM parsed;
