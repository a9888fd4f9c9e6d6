-- Every log in the store, oldest first.
SELECT log_id, name, kind FROM logs ORDER BY created_at, log_id
