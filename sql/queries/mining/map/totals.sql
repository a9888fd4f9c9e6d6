-- Cases that started in [$from, $to) and their events.
SELECT count(*)::BIGINT AS cases, coalesce(sum(n_events), 0)::BIGINT AS events
FROM cases
WHERE log_id = $log_id AND perspective = $perspective
  AND start_ts >= $from::TIMESTAMP AND start_ts < $to::TIMESTAMP
