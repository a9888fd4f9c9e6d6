-- csv_numbered: csv_raw with __tl_k (0-based position in the file's good rows; rowids inside a
-- transaction do not start at 0) and __tl_skip (rejected lines before the row: 0, nothing rejected).
CREATE OR REPLACE TEMP VIEW csv_numbered AS
SELECT rowid - (SELECT min(rowid) FROM csv_raw) AS __tl_k, 0 AS __tl_skip, * FROM csv_raw;
