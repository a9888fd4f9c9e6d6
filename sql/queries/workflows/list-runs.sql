-- Newest first; $state NULL = every state. $warehouses / $segments: comma-separated scope of the
-- viewer (NULL = no restriction); a multi-warehouse row ("A,B") is in scope when one of them is.
SELECT * FROM workflow_runs
WHERE ($state::VARCHAR IS NULL OR state = $state)
  AND ($warehouses::VARCHAR IS NULL OR list_has_any(string_split(coalesce(warehouse, ''), ','), string_split($warehouses, ',')))
  AND ($segments::VARCHAR IS NULL OR list_contains(string_split($segments, ','), segment))
ORDER BY requested_at DESC, id
LIMIT $limit
