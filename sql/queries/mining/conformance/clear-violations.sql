DELETE FROM case_rule_violations WHERE log_id = $log_id AND perspective = $perspective
