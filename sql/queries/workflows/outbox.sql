SELECT * FROM workflow_outbox ORDER BY created_at, run_id LIMIT $limit
