-- The good rows as events, csv_ev(row_no, case_id, event_id, activity, ts, resource, attrs, dup).
-- Event id `csv:<case>:<activity>:<ts as YYYY-MM-DD HH:MM:SS[.ffffff]>`, + `#n` for the n-th row
-- (in file order) with the same case, activity and time, so loading a file again adds nothing:
-- dup marks an id the log already has. Only rows whose (case, activity, ts) repeats are numbered
-- by a window; they are found by grouping on a hash (a collision only sends more rows through
-- the window, which partitions by the values themselves).
CREATE OR REPLACE TEMP TABLE csv_ev AS
WITH ok AS (
  SELECT row_no, case_id, activity, ts, resource, attrs, hash(case_id, activity, ts) AS h
  FROM csv_rows WHERE reject_field IS NULL
), rep AS (
  SELECT h FROM ok GROUP BY h HAVING count(*) > 1
), numbered AS (
  SELECT ok.* EXCLUDE (h), 1 AS n FROM ok ANTI JOIN rep USING (h)
  UNION ALL
  SELECT ok.* EXCLUDE (h), row_number() OVER (PARTITION BY case_id, activity, ts ORDER BY row_no) AS n
  FROM ok SEMI JOIN rep USING (h)
), ids AS (
  SELECT row_no, case_id, 'csv:' || case_id || ':' || activity || ':' || ts::VARCHAR || CASE WHEN n > 1 THEN '#' || n ELSE '' END AS event_id,
         activity, ts, resource, attrs
  FROM numbered
)
SELECT *, event_id IN (SELECT event_id FROM events WHERE log_id = $log_id) AS dup FROM ids;
