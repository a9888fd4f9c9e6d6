-- Registers an imported log before its first run, so the run's own registration (kind o2c) is a no-op.
INSERT INTO logs (log_id, name, kind) VALUES ($log_id, $name, $kind) ON CONFLICT DO NOTHING
