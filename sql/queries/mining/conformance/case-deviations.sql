-- One case's deviations with the time of the event concerned.
SELECT d.kind, d.step_no, d.activity, d.related_activity, d.position, d.count, d.cost_seconds, d.seq,
       strftime(t.ts, '%Y-%m-%dT%H:%M:%SZ') AS ts
FROM case_deviations d
LEFT JOIN case_trace t ON t.log_id = d.log_id AND t.perspective = d.perspective AND t.case_no = d.case_no AND t.seq = d.seq
WHERE d.log_id = $log_id AND d.perspective = $perspective AND d.case_no = $case_no
ORDER BY d.seq NULLS FIRST, d.step_no, d.kind
