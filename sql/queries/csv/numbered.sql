-- csv_numbered: the rows as read with __tl_k (0-based position among the rows read) and
-- __tl_skip (lines the reader rejected before the row: none here).
CREATE OR REPLACE TEMP VIEW csv_numbered AS
SELECT __tl_row AS __tl_k, 0 AS __tl_skip, * EXCLUDE (__tl_row) FROM csv_source;
