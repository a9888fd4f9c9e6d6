-- One case's rule violations with the times of both events involved.
SELECT v.rule_id, v.rule_kind, v.seq, v.activity, strftime(t.ts, '%Y-%m-%dT%H:%M:%SZ') AS ts,
       v.related_seq, v.related_activity, strftime(r.ts, '%Y-%m-%dT%H:%M:%SZ') AS related_ts, v.cost_seconds
FROM case_rule_violations v
LEFT JOIN case_trace t ON t.log_id = v.log_id AND t.perspective = v.perspective AND t.case_no = v.case_no AND t.seq = v.seq
LEFT JOIN case_trace r ON r.log_id = v.log_id AND r.perspective = v.perspective AND r.case_no = v.case_no AND r.seq = v.related_seq
WHERE v.log_id = $log_id AND v.perspective = $perspective AND v.case_no = $case_no
ORDER BY v.seq, v.rule_id
