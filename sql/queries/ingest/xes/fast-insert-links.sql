-- XES fast path: each event linked to its case (qualifier `case`); events the log had before this
-- run only where the link is missing.
INSERT INTO event_object (log_id, event_id, object_id, qualifier)
WITH ev AS (
  SELECT 'xes:' || f.base || ':' || e.trace_no || ':' || e.event_no AS event_id, 'case:' || c.case_key AS case_id
  FROM xes_ev_raw e JOIN xes_files f USING (file_no) JOIN xes_cases c USING (file_no, trace_no)
)
SELECT (SELECT log_id FROM xes_run), event_id, case_id, 'case' FROM ev
WHERE event_id NOT IN (SELECT event_id FROM xes_present)
UNION ALL
SELECT (SELECT log_id FROM xes_run), e.event_id, e.case_id, 'case' FROM ev e
WHERE e.event_id IN (SELECT event_id FROM xes_present)
  AND NOT EXISTS (SELECT 1 FROM event_object o WHERE o.log_id = (SELECT log_id FROM xes_run) AND o.event_id = e.event_id
                    AND o.object_id = e.case_id AND o.qualifier = 'case');

-- Rejects, once each (loading the same file again does not repeat them).
INSERT INTO rejects (run_id, log_id, source_system, file, row_no, record_key, field, reason, raw)
SELECT run.run_id, run.log_id, 'xes', j.file, j.row_no, NULL, j.field, j.reason, j.raw
FROM xes_rej j CROSS JOIN xes_run run
WHERE NOT EXISTS (SELECT 1 FROM rejects x
                  WHERE x.log_id = run.log_id AND x.source_system = 'xes' AND x.file = j.file
                    AND x.row_no IS NOT DISTINCT FROM j.row_no AND x.reason = j.reason
                    AND x.raw IS NOT DISTINCT FROM j.raw)
ORDER BY j.file_no, j.trace_no, j.event_no;
