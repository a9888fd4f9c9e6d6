-- Every SLA clock instance of one case (sla_clocks), in rule and start order.
SELECT rule_id, entity_id, clock_no, calendar_id, start_event_seq,
       strftime(start_ts, '%Y-%m-%dT%H:%M:%SZ') AS start_ts,
       strftime(due_ts, '%Y-%m-%dT%H:%M:%SZ') AS due_ts,
       strftime(risk_ts, '%Y-%m-%dT%H:%M:%SZ') AS risk_ts,
       strftime(stop_ts, '%Y-%m-%dT%H:%M:%SZ') AS stop_ts,
       strftime(end_ts, '%Y-%m-%dT%H:%M:%SZ') AS end_ts,
       strftime(as_of, '%Y-%m-%dT%H:%M:%SZ') AS as_of,
       used_seconds, allowance_seconds, status, severity, policy_version
FROM sla_clocks
WHERE log_id = $log_id AND perspective = $perspective AND case_no = $case_no
ORDER BY rule_id, start_ts, entity_id, start_event_seq, clock_no
