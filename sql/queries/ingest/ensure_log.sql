INSERT INTO logs (log_id, name, kind) VALUES ($log_id, $name, $kind) ON CONFLICT DO NOTHING;
