-- Applies a batch of recorded attempts (workflow_attempts.batch_id) to their runs.
UPDATE workflow_runs AS r
SET state = a.state_after,
    next_attempt_at = a.next_attempt_at,
    last_status = a.http_status,
    last_body = a.body_excerpt,
    last_error = a.error,
    claimed_by = NULL,
    updated_at = a.finished_at
FROM workflow_attempts AS a
WHERE a.batch_id = $batch AND a.run_id = r.id AND r.state = 'running'
