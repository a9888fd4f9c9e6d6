DELETE FROM conformance_runs WHERE log_id = $log_id AND perspective = $perspective
