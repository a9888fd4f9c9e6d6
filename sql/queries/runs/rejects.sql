-- One page of a run's rejected records, in file and row order: where (file, row, field), why
-- (reason) and what was read (raw). Counted by rejects_count.sql.
SELECT file, row_no::DOUBLE AS row_no, record_key, field, reason, raw
FROM rejects
WHERE run_id = $run_id
ORDER BY file, row_no NULLS LAST, field NULLS LAST, reason
LIMIT $limit OFFSET $offset
