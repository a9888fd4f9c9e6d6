SELECT * FROM workflow_attempts WHERE run_id = $id ORDER BY attempt_no, started_at
