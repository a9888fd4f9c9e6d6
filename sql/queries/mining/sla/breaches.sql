-- SLA clocks of a (log, perspective) with a given status (default: breached and open_breached),
-- restricted to the selected cases, most overdue first, one page. Ages: overdue_s = elapsed
-- seconds from the due time to the end (open: to as_of); over_business_s = business seconds used
-- beyond the allowance. $rule_id '' = every rule; $statuses JSON list; $limit, $offset.
SELECT c.case_id, c.rule_id, c.entity_id, c.clock_no, c.calendar_id,
       strftime(c.start_ts, '%Y-%m-%dT%H:%M:%SZ') AS start_ts,
       strftime(c.due_ts, '%Y-%m-%dT%H:%M:%SZ') AS due_ts,
       strftime(c.end_ts, '%Y-%m-%dT%H:%M:%SZ') AS end_ts,
       strftime(c.as_of, '%Y-%m-%dT%H:%M:%SZ') AS as_of,
       c.status, c.severity, c.used_seconds, c.allowance_seconds,
       c.used_seconds - c.allowance_seconds AS over_business_s,
       epoch(coalesce(c.stop_ts, c.as_of)) - epoch(c.due_ts) AS overdue_s,
       k.net_value, k.currency, k.segment, k.channel, k.order_type,
       count(*) OVER ()::INTEGER AS total
FROM sla_clocks c
LEFT JOIN cases k ON k.log_id = c.log_id AND k.perspective = c.perspective AND k.case_no = c.case_no
WHERE c.log_id = $log_id AND c.perspective = $perspective
  AND c.case_no IN __SELECTED_CASES__
  AND ($rule_id = '' OR c.rule_id = $rule_id)
  AND list_contains(from_json($statuses, '["VARCHAR"]'), c.status)
ORDER BY overdue_s DESC, c.case_id, c.rule_id, c.entity_id, c.start_event_seq, c.clock_no
LIMIT $limit OFFSET $offset
