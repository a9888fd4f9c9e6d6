-- Step 5: aliases for later runs, and the rejects (once each: loading the same file again does not
-- repeat them).
INSERT INTO object_aliases (log_id, alias, target, run_id)
SELECT DISTINCT (SELECT log_id FROM stg_run), a.alias, a.target, (SELECT run_id FROM stg_run)
FROM stg_aliases a
WHERE NOT EXISTS (SELECT 1 FROM object_aliases o
                  WHERE o.log_id = (SELECT log_id FROM stg_run) AND o.alias = a.alias AND o.target = a.target);

INSERT INTO rejects (run_id, log_id, source_system, file, row_no, record_key, field, reason, raw)
SELECT run.run_id, run.log_id, run.source_system, j.file, j.row_no, j.record_key, j.field, j.reason, j.raw
FROM stg_rejects j CROSS JOIN stg_run run
WHERE NOT EXISTS (SELECT 1 FROM rejects x
                  WHERE x.log_id = run.log_id AND x.source_system = run.source_system AND x.file = j.file
                    AND x.row_no IS NOT DISTINCT FROM j.row_no AND x.reason = j.reason
                    AND x.raw IS NOT DISTINCT FROM j.raw)
ORDER BY j.rec;
