-- Event ids (events.sql) need `#n` for the n-th good row (in file order) with the same case,
-- activity and time. Only rows whose (case, activity, ts) repeats are numbered by a window; they
-- are found by grouping on a hash (a collision only sends more rows through the window, which
-- partitions by the values themselves). csv_num(k, n) keeps the rows with n > 1.
CREATE OR REPLACE TEMP TABLE csv_num AS
WITH rep AS (
  SELECT hash(case_id, activity, ts) AS h FROM csv_rows WHERE reject_field IS NULL GROUP BY h HAVING count(*) > 1
), numbered AS (
  SELECT k, row_number() OVER (PARTITION BY case_id, activity, ts ORDER BY row_no) AS n
  FROM csv_rows WHERE reject_field IS NULL AND hash(case_id, activity, ts) IN (SELECT h FROM rep)
)
SELECT k, n FROM numbered WHERE n > 1;
