SELECT min(next_attempt_at) AS next_at FROM workflow_runs WHERE state IN ('approved', 'failed')
