-- Open SLA breaches per rule as of each given time T, from the evaluated clocks (sla_clocks,
-- mining/sla): the clock instance running at T (started before T; its end or the next restart
-- not before T) whose due time is before T, unless an exempting block of its case is open at T
-- (the last set/clear of the pair before T is a set). Counted once per (rule, entity, start event),
-- over the selected cases. $times: JSON [{i, at}].
WITH times AS (
  SELECT i, "at"::TIMESTAMP AS t
  FROM (SELECT unnest(from_json($times, '[{"i":"INTEGER","at":"VARCHAR"}]'), recursive := true))
)
SELECT tm.i, c.rule_id, count(DISTINCT c.entity_id || '#' || c.start_event_seq)::INTEGER AS open_breaches
FROM sla_clocks c
JOIN times tm ON c.start_ts < tm.t AND (c.stop_ts IS NULL OR c.stop_ts >= tm.t) AND c.due_ts < tm.t
WHERE c.log_id = $log_id AND c.perspective = $perspective
  AND c.case_no IN __SELECTED_CASES__
  AND NOT coalesce(list_bool_or(list_transform(c.exempt_periods,
        p -> p.from_ts < tm.t AND (p.to_ts IS NULL OR p.to_ts >= tm.t))), false)
GROUP BY tm.i, c.rule_id
ORDER BY tm.i, c.rule_id
