-- What the rules did on a log: runs requested by a rule (requester `rule:<id>`), per requester,
-- state and outcome, with the newest request. $warehouses / $segments: the viewer's scope as in
-- list-runs.sql (NULL = no restriction), so a scoped owner counts only their own rows' runs.
SELECT requested_by, state, outcome, count(*)::INTEGER AS runs, max(requested_at) AS last_requested_at
FROM workflow_runs
WHERE log_id = $log_id
  AND starts_with(requested_by, 'rule:')
  AND ($warehouses::VARCHAR IS NULL OR list_has_any(string_split(coalesce(warehouse, ''), ','), string_split($warehouses, ',')))
  AND ($segments::VARCHAR IS NULL OR list_contains(string_split($segments, ','), segment))
GROUP BY requested_by, state, outcome
ORDER BY requested_by, state, outcome
