-- All rejects of the import: lines the reader could not read, and rows that failed the checks of
-- rows.sql, with their line rebuilt from the columns as read (joined by $delim) for `raw`.
CREATE OR REPLACE TEMP TABLE csv_rejects AS
WITH bad AS (SELECT k, row_no, reject_field, reject_reason FROM csv_rows WHERE reject_field IS NOT NULL)
SELECT line AS row_no, field, reason, raw FROM csv_read_rejects
UNION ALL
SELECT b.row_no, b.reject_field, b.reject_reason, r.raw
FROM bad b
JOIN (SELECT __tl_k AS k,
             left(array_to_string(list_transform([*COLUMNS(* EXCLUDE (__tl_k, __tl_skip))], x -> coalesce(x, '')), $delim), 2000) AS raw
      FROM csv_numbered
      WHERE __tl_k IN (SELECT k FROM bad)) r ON r.k = b.k;
