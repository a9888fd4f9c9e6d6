-- Newest first; $state NULL = every state.
SELECT * FROM workflow_runs
WHERE ($state::VARCHAR IS NULL OR state = $state)
ORDER BY requested_at DESC, id
LIMIT $limit
