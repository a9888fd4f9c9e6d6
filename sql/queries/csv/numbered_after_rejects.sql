-- csv_numbered when the reader rejected lines (see numbered.sql). Good row k (0-based) sits
-- after the rejected lines L_i with L_i - i <= k + 1 (the i-th rejected line, header = line 1):
-- csv_adjust holds, per value t = L_i - i, how many lines were rejected up to there; an ASOF join
-- (costly, so only when there are rejects) finds the count for each row.
CREATE OR REPLACE TEMP TABLE csv_adjust AS
SELECT t, max(c) AS c
FROM (SELECT line - row_number() OVER (ORDER BY line) AS t, row_number() OVER (ORDER BY line) AS c FROM csv_read_rejects)
GROUP BY t;

CREATE OR REPLACE TEMP VIEW csv_numbered AS
SELECT r.__tl_row AS __tl_k, coalesce(adj.c, 0) AS __tl_skip, r.* EXCLUDE (__tl_row)
FROM csv_source r
ASOF LEFT JOIN csv_adjust adj ON r.__tl_row + 1 >= adj.t;
