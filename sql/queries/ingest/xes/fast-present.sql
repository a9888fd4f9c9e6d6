-- XES fast path, for a log that had events before this run: the run's event ids it already has
-- (duplicates: not inserted again).
CREATE OR REPLACE TEMP TABLE xes_present AS
SELECT event_id FROM events
WHERE log_id = (SELECT log_id FROM xes_run)
  AND event_id IN (SELECT 'xes:' || f.base || ':' || e.trace_no || ':' || e.event_no FROM xes_ev_raw e JOIN xes_files f USING (file_no));
