-- The import's rejects, in row order, once each: loading the same file again does not repeat them.
INSERT INTO rejects (run_id, log_id, source_system, file, row_no, record_key, field, reason, raw)
SELECT $run_id, $log_id, 'csv', $file, j.row_no, NULL, j.field, j.reason, j.raw
FROM csv_rejects j
WHERE NOT EXISTS (SELECT 1 FROM rejects x
                  WHERE x.log_id = $log_id AND x.source_system = 'csv' AND x.file = $file
                    AND x.row_no IS NOT DISTINCT FROM j.row_no AND x.reason = j.reason
                    AND x.raw IS NOT DISTINCT FROM j.raw)
ORDER BY j.row_no;
