-- The selected cases and their events.
SELECT count(*)::BIGINT AS cases, coalesce(sum(n_events), 0)::BIGINT AS events
FROM cases
WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
