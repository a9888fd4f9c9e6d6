DELETE FROM case_deviations WHERE log_id = $log_id AND perspective = $perspective
