-- Claims up to $limit due runs for worker $worker: approved ones and failed ones whose backoff is
-- over, oldest due first. attempts counts the attempt now starting.
UPDATE workflow_runs
SET state = 'running', attempts = attempts + 1, claimed_by = $worker, updated_at = $now::TIMESTAMP
WHERE id IN (
  SELECT id FROM workflow_runs
  WHERE state IN ('approved', 'failed') AND next_attempt_at <= $now::TIMESTAMP
  ORDER BY next_attempt_at, id
  LIMIT $limit
)
RETURNING id, playbook_id, connector, operation, payload, attempts, max_attempts, timeout_ms, next_attempt_at
