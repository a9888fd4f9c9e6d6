-- A change made by a person or a rule (approval, cancel, manual retry, override); workers use
-- claim/apply-attempts instead.
UPDATE workflow_runs
SET state = $state,
    approved_by = coalesce($approved_by::VARCHAR, approved_by),
    approved_at = coalesce($approved_at::TIMESTAMP, approved_at),
    next_attempt_at = $next_attempt_at::TIMESTAMP,
    max_attempts = coalesce($max_attempts::INTEGER, max_attempts),
    override_by = coalesce($override_by::VARCHAR, override_by),
    override_reason = coalesce($override_reason::VARCHAR, override_reason),
    last_error = coalesce($last_error::VARCHAR, last_error),
    updated_at = $now::TIMESTAMP
WHERE id = $id AND state = $from
