-- Newest first; every filter NULL = no restriction. $outcome: fixed | still_open | reopened, or
-- unchecked (succeeded, not checked after an ingest yet). $requested_by: a user id or rule:<id>. $warehouses / $segments: comma-separated
-- scope of the viewer; a multi-warehouse row ("A,B") is in scope when one of them is.
SELECT * FROM workflow_runs
WHERE ($state::VARCHAR IS NULL OR state = $state)
  AND ($log_id::VARCHAR IS NULL OR log_id = $log_id)
  AND ($case_id::VARCHAR IS NULL OR case_id = $case_id)
  AND ($playbook_id::VARCHAR IS NULL OR playbook_id = $playbook_id)
  AND ($outcome::VARCHAR IS NULL
       OR ($outcome = 'unchecked' AND state = 'succeeded' AND outcome IS NULL)
       OR outcome = $outcome)
  AND ($requested_by::VARCHAR IS NULL OR requested_by = $requested_by)
  AND ($warehouses::VARCHAR IS NULL OR list_has_any(string_split(coalesce(warehouse, ''), ','), string_split($warehouses, ',')))
  AND ($segments::VARCHAR IS NULL OR list_contains(string_split($segments, ','), segment))
ORDER BY requested_at DESC, id
LIMIT $limit
