-- Runs still awaiting approval after their approval's time to live.
SELECT * FROM workflow_runs WHERE state = 'awaiting_approval' AND approval_expires_at < $now::TIMESTAMP ORDER BY approval_expires_at, id
