-- One object `case:<id>` of type `case` per case the log does not have yet, its lineage the case's
-- first good row.
INSERT INTO objects (log_id, object_id, object_type, attrs, source_system, source_key, run_id)
SELECT $log_id, 'case:' || case_id, 'case', '{}'::JSON, 'csv', $file || ':' || min(row_no), $run_id
FROM csv_rows WHERE reject_field IS NULL
GROUP BY case_id
HAVING 'case:' || case_id NOT IN (SELECT object_id FROM objects WHERE log_id = $log_id);
