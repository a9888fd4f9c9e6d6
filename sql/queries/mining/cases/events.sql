-- A case's events in trace order (time, then load order) with each event's own columns and the
-- source record it came from.
SELECT t.seq, t.event_seq, e.event_id, e.activity,
       strftime(e.ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, e.ts_precision,
       e.source_system, e.source_file, e.source_key, e.run_id,
       e.user_id, e.user_type, e.amount, e.currency, e.attrs::VARCHAR AS attrs
FROM case_trace t
JOIN events e ON e.log_id = t.log_id AND e.seq = t.event_seq
WHERE t.log_id = $log_id AND t.perspective = $perspective AND t.case_no = $case_no
ORDER BY t.seq
