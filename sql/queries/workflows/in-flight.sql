-- Runs a worker left running (a stop or a crash while the call was in flight).
SELECT id, attempts, claimed_by, updated_at FROM workflow_runs WHERE state = 'running'
