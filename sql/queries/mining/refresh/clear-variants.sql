DELETE FROM case_variants WHERE log_id = $log_id AND perspective = $perspective
